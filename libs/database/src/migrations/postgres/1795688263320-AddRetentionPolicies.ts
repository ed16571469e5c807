import { MigrationInterface, QueryRunner } from 'typeorm';

// retention_policies: how long each organisation keeps closed conversations and raw provider payloads (PDPL).
export class AddRetentionPolicies1795688263320 implements MigrationInterface {
  name = 'AddRetentionPolicies1795688263320';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"retention_policies\" (\"organisation_id\" uuid NOT NULL, \"resolved_conversation_months\" integer, \"raw_payload_months\" integer, \"mode\" character varying(10) NOT NULL DEFAULT 'anonymise', \"updated_by_user_id\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_76a722041530d570c79b4d5116b\" PRIMARY KEY (\"organisation_id\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"retention_policies\"");
  }
}
