import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddChannelTemplates1796233051712 implements MigrationInterface {
  name = 'AddChannelTemplates1796233051712';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"channel_templates\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"inbox_id\" uuid NOT NULL, \"name\" character varying(512) NOT NULL, \"language\" character varying(20) NOT NULL, \"category\" character varying(40) NOT NULL, \"status\" character varying(20) NOT NULL, \"body\" text NOT NULL, \"header\" text, \"footer\" text, \"parameter_count\" integer NOT NULL, \"status_reason\" character varying(200), \"synced_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_af98bc7ae5176603161cafd8f98\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_76aad95095eab4cf293ef7a10a\" ON \"channel_templates\" (\"organisation_id\", \"inbox_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_9f173b03e80725eb7f866327ac\" ON \"channel_templates\" (\"inbox_id\", \"name\", \"language\") ");
    await queryRunner.query("ALTER TABLE \"messages\" ADD \"template\" text");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"messages\" DROP COLUMN \"template\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_9f173b03e80725eb7f866327ac\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_76aad95095eab4cf293ef7a10a\"");
    await queryRunner.query("DROP TABLE \"channel_templates\"");
  }
}
