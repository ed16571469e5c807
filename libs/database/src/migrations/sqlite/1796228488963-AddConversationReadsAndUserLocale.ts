import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddConversationReadsAndUserLocale1796228488963 implements MigrationInterface {
  name = 'AddConversationReadsAndUserLocale1796228488963';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"conversation_reads\" (\"conversation_id\" varchar NOT NULL, \"user_id\" varchar NOT NULL, \"organisation_id\" varchar NOT NULL, \"last_read_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL, PRIMARY KEY (\"conversation_id\", \"user_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_0292a94afbf0eb6720c54db9bb\" ON \"conversation_reads\" (\"organisation_id\", \"user_id\") ");
    await queryRunner.query("DROP INDEX \"IDX_cf023cf528d8107c1d33fc258d\"");
    await queryRunner.query("DROP INDEX \"IDX_97672ac88f789774dd47f7c8be\"");
    await queryRunner.query("DROP INDEX \"IDX_2fc4294f8ec97da71d587dc557\"");
    await queryRunner.query("CREATE TABLE \"temporary_users\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"email\" varchar(320) NOT NULL, \"name\" varchar(200) NOT NULL, \"role\" varchar(20) NOT NULL, \"password_hash\" varchar(300) NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL, \"session_version\" integer NOT NULL DEFAULT (0), \"locale\" varchar(5))");
    await queryRunner.query("INSERT INTO \"temporary_users\"(\"id\", \"organisation_id\", \"email\", \"name\", \"role\", \"password_hash\", \"active\", \"created_at\", \"session_version\") SELECT \"id\", \"organisation_id\", \"email\", \"name\", \"role\", \"password_hash\", \"active\", \"created_at\", \"session_version\" FROM \"users\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("ALTER TABLE \"temporary_users\" RENAME TO \"users\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_cf023cf528d8107c1d33fc258d\" ON \"users\" (\"organisation_id\", \"email\") ");
    await queryRunner.query("CREATE INDEX \"IDX_97672ac88f789774dd47f7c8be\" ON \"users\" (\"email\") ");
    await queryRunner.query("CREATE INDEX \"IDX_2fc4294f8ec97da71d587dc557\" ON \"users\" (\"organisation_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_2fc4294f8ec97da71d587dc557\"");
    await queryRunner.query("DROP INDEX \"IDX_97672ac88f789774dd47f7c8be\"");
    await queryRunner.query("DROP INDEX \"IDX_cf023cf528d8107c1d33fc258d\"");
    await queryRunner.query("ALTER TABLE \"users\" RENAME TO \"temporary_users\"");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"email\" varchar(320) NOT NULL, \"name\" varchar(200) NOT NULL, \"role\" varchar(20) NOT NULL, \"password_hash\" varchar(300) NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL, \"session_version\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("INSERT INTO \"users\"(\"id\", \"organisation_id\", \"email\", \"name\", \"role\", \"password_hash\", \"active\", \"created_at\", \"session_version\") SELECT \"id\", \"organisation_id\", \"email\", \"name\", \"role\", \"password_hash\", \"active\", \"created_at\", \"session_version\" FROM \"temporary_users\"");
    await queryRunner.query("DROP TABLE \"temporary_users\"");
    await queryRunner.query("CREATE INDEX \"IDX_2fc4294f8ec97da71d587dc557\" ON \"users\" (\"organisation_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_97672ac88f789774dd47f7c8be\" ON \"users\" (\"email\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_cf023cf528d8107c1d33fc258d\" ON \"users\" (\"organisation_id\", \"email\") ");
    await queryRunner.query("DROP INDEX \"IDX_0292a94afbf0eb6720c54db9bb\"");
    await queryRunner.query("DROP TABLE \"conversation_reads\"");
  }
}
