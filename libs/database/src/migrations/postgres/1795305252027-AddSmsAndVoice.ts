import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSmsAndVoice1795305252027 implements MigrationInterface {
  name = 'AddSmsAndVoice1795305252027';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"calls\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"inbox_id\" uuid NOT NULL, \"conversation_id\" uuid, \"contact_id\" uuid, \"direction\" character varying(10) NOT NULL, \"call_sid\" character varying(64), \"from_number\" character varying(64) NOT NULL, \"to_number\" character varying(64) NOT NULL, \"status\" character varying(20) NOT NULL, \"missed\" boolean NOT NULL DEFAULT false, \"duration_seconds\" integer, \"message_id\" uuid, \"voicemail_message_id\" uuid, \"recording_sid\" character varying(64), \"recording_url\" character varying(500), \"transcription\" text, \"logged_by_user_id\" uuid, \"notes\" text, \"started_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ended_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_d9171d91f8dd1a649659f1b6a20\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_1875efdf845e282c6a601ee7d3\" ON \"calls\" (\"conversation_id\", \"started_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_a870d91ca4a335b1385ae43680\" ON \"calls\" (\"inbox_id\", \"call_sid\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a870d91ca4a335b1385ae43680\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_1875efdf845e282c6a601ee7d3\"");
    await queryRunner.query("DROP TABLE \"calls\"");
  }
}
