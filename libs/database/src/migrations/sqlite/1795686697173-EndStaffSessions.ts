import { MigrationInterface, QueryRunner } from 'typeorm';

// Users: a session version carried in tokens, and e-mail unique per organisation rather than across all of them.
// SQLite cannot add a column with these constraints in place, so the table is rebuilt.
export class EndStaffSessions1795686697173 implements MigrationInterface {
  name = 'EndStaffSessions1795686697173';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_97672ac88f789774dd47f7c8be\"");
    await queryRunner.query("DROP INDEX \"IDX_2fc4294f8ec97da71d587dc557\"");
    await queryRunner.query("CREATE TABLE \"temporary_users\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"email\" varchar(320) NOT NULL, \"name\" varchar(200) NOT NULL, \"role\" varchar(20) NOT NULL, \"password_hash\" varchar(300) NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL, \"session_version\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("INSERT INTO \"temporary_users\"(\"id\", \"organisation_id\", \"email\", \"name\", \"role\", \"password_hash\", \"active\", \"created_at\") SELECT \"id\", \"organisation_id\", \"email\", \"name\", \"role\", \"password_hash\", \"active\", \"created_at\" FROM \"users\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("ALTER TABLE \"temporary_users\" RENAME TO \"users\"");
    await queryRunner.query("CREATE INDEX \"IDX_2fc4294f8ec97da71d587dc557\" ON \"users\" (\"organisation_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_97672ac88f789774dd47f7c8be\" ON \"users\" (\"email\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_cf023cf528d8107c1d33fc258d\" ON \"users\" (\"organisation_id\", \"email\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_cf023cf528d8107c1d33fc258d\"");
    await queryRunner.query("DROP INDEX \"IDX_97672ac88f789774dd47f7c8be\"");
    await queryRunner.query("DROP INDEX \"IDX_2fc4294f8ec97da71d587dc557\"");
    await queryRunner.query("ALTER TABLE \"users\" RENAME TO \"temporary_users\"");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"email\" varchar(320) NOT NULL, \"name\" varchar(200) NOT NULL, \"role\" varchar(20) NOT NULL, \"password_hash\" varchar(300) NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL)");
    await queryRunner.query("INSERT INTO \"users\"(\"id\", \"organisation_id\", \"email\", \"name\", \"role\", \"password_hash\", \"active\", \"created_at\") SELECT \"id\", \"organisation_id\", \"email\", \"name\", \"role\", \"password_hash\", \"active\", \"created_at\" FROM \"temporary_users\"");
    await queryRunner.query("DROP TABLE \"temporary_users\"");
    await queryRunner.query("CREATE INDEX \"IDX_2fc4294f8ec97da71d587dc557\" ON \"users\" (\"organisation_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_97672ac88f789774dd47f7c8be\" ON \"users\" (\"email\") ");
  }
}
