import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddChannelSessions1796234945451 implements MigrationInterface {
  name = 'AddChannelSessions1796234945451';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"channel_sessions\" (\"inbox_id\" character varying(36) NOT NULL, \"organisation_id\" uuid NOT NULL, \"state\" character varying(20) NOT NULL, \"qr\" text, \"phone\" character varying(30), \"reason\" character varying(300), \"driven_by\" character varying(80), \"sealed_data\" text, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_ffb9edeac4fe9a16de1ec1cd28c\" PRIMARY KEY (\"inbox_id\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"channel_sessions\"");
  }
}
