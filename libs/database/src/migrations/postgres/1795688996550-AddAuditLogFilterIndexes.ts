import { MigrationInterface, QueryRunner } from 'typeorm';

// Every read of personal data is audited, so audit_log grows fast: the audit API's subject and actor filters get
// their own indexes instead of walking the organisation's whole log by date.
export class AddAuditLogFilterIndexes1795688996550 implements MigrationInterface {
  name = 'AddAuditLogFilterIndexes1795688996550';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "IDX_186b15c4b7e7803ebb631fdb6b" ON "audit_log" ("organisation_id", "subject_type", "subject_id", "created_at") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_a33fb63351062f68514e9d199c" ON "audit_log" ("organisation_id", "actor_user_id", "created_at") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_a33fb63351062f68514e9d199c"');
    await queryRunner.query('DROP INDEX "IDX_186b15c4b7e7803ebb631fdb6b"');
  }
}
