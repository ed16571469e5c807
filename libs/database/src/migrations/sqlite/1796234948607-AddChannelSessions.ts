import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddChannelSessions1796234948607 implements MigrationInterface {
  name = 'AddChannelSessions1796234948607';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"channel_sessions\" (\"inbox_id\" varchar(36) PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"state\" varchar(20) NOT NULL, \"qr\" text, \"phone\" varchar(30), \"reason\" varchar(300), \"driven_by\" varchar(80), \"sealed_data\" text, \"updated_at\" datetime NOT NULL)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"channel_sessions\"");
  }
}
