import { MigrationInterface, QueryRunner } from 'typeorm';

// retention_policies: how long each organisation keeps closed conversations and raw provider payloads (PDPL).
export class AddRetentionPolicies1795688268549 implements MigrationInterface {
  name = 'AddRetentionPolicies1795688268549';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"retention_policies\" (\"organisation_id\" varchar PRIMARY KEY NOT NULL, \"resolved_conversation_months\" integer, \"raw_payload_months\" integer, \"mode\" varchar(10) NOT NULL DEFAULT ('anonymise'), \"updated_by_user_id\" varchar, \"updated_at\" datetime NOT NULL)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"retention_policies\"");
  }
}
