import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSmsAndVoice1795305253690 implements MigrationInterface {
  name = 'AddSmsAndVoice1795305253690';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"calls\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"inbox_id\" varchar NOT NULL, \"conversation_id\" varchar, \"contact_id\" varchar, \"direction\" varchar(10) NOT NULL, \"call_sid\" varchar(64), \"from_number\" varchar(64) NOT NULL, \"to_number\" varchar(64) NOT NULL, \"status\" varchar(20) NOT NULL, \"missed\" boolean NOT NULL DEFAULT (0), \"duration_seconds\" integer, \"message_id\" varchar, \"voicemail_message_id\" varchar, \"recording_sid\" varchar(64), \"recording_url\" varchar(500), \"transcription\" text, \"logged_by_user_id\" varchar, \"notes\" text, \"started_at\" datetime NOT NULL, \"ended_at\" datetime, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_1875efdf845e282c6a601ee7d3\" ON \"calls\" (\"conversation_id\", \"started_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_a870d91ca4a335b1385ae43680\" ON \"calls\" (\"inbox_id\", \"call_sid\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_a870d91ca4a335b1385ae43680\"");
    await queryRunner.query("DROP INDEX \"IDX_1875efdf845e282c6a601ee7d3\"");
    await queryRunner.query("DROP TABLE \"calls\"");
  }
}
