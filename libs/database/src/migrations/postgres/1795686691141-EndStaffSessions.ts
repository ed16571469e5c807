import { MigrationInterface, QueryRunner } from 'typeorm';

// Users: a session version carried in tokens, and e-mail unique per organisation rather than across all of them.
export class EndStaffSessions1795686691141 implements MigrationInterface {
  name = 'EndStaffSessions1795686691141';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_97672ac88f789774dd47f7c8be\"");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"session_version\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("CREATE INDEX \"IDX_97672ac88f789774dd47f7c8be\" ON \"users\" (\"email\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_cf023cf528d8107c1d33fc258d\" ON \"users\" (\"organisation_id\", \"email\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_cf023cf528d8107c1d33fc258d\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_97672ac88f789774dd47f7c8be\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"session_version\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_97672ac88f789774dd47f7c8be\" ON \"users\" (\"email\") ");
  }
}
