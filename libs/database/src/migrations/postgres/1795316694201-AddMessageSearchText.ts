import { MigrationInterface, QueryRunner } from 'typeorm';

// messages.search_text: the text folded for search, computed by PostgreSQL on insert (see foldForSearch).
export class AddMessageSearchText1795316694201 implements MigrationInterface {
  name = 'AddMessageSearchText1795316694201';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Where TypeORM records generated columns; it creates the table itself only when it runs with the entities.
    await queryRunner.query('CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" character varying NOT NULL, "database" character varying, "schema" character varying, "table" character varying, "name" character varying, "value" text)');
    await queryRunner.query("ALTER TABLE \"messages\" ADD \"search_text\" text GENERATED ALWAYS AS (wasl_search_fold(\"text\")) STORED NOT NULL");
    // TypeORM's record of the generated column, for this database whatever it is named.
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value")
       VALUES (current_database(), current_schema(), 'messages', 'GENERATED_COLUMN', 'search_text', $1)`,
      ['wasl_search_fold("text")'],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'search_text' AND "table" = 'messages'
         AND "database" = current_database() AND "schema" = current_schema()`,
    );
    await queryRunner.query("ALTER TABLE \"messages\" DROP COLUMN \"search_text\"");
  }
}
