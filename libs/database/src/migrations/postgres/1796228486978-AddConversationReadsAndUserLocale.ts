import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddConversationReadsAndUserLocale1796228486978 implements MigrationInterface {
  name = 'AddConversationReadsAndUserLocale1796228486978';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"conversation_reads\" (\"conversation_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"last_read_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_05074524cfb8e1d6fad9fb51a90\" PRIMARY KEY (\"conversation_id\", \"user_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_0292a94afbf0eb6720c54db9bb\" ON \"conversation_reads\" (\"organisation_id\", \"user_id\") ");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"locale\" character varying(5)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"locale\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_0292a94afbf0eb6720c54db9bb\"");
    await queryRunner.query("DROP TABLE \"conversation_reads\"");
  }
}
