import { MigrationInterface, QueryRunner } from 'typeorm';

// A frozen copy of SEARCH_FOLD_FROM and SEARCH_FOLD_TO (libs/database/src/search/search-fold.util.ts) as of this
// migration: hamza forms of alef, alef maqsura, ta marbuta, waw and ya with hamza, Arabic-Indic digits, then
// the harakat, superscript alef and tatweel that translate() removes. The integration suite checks that the
// function still folds exactly like foldForSearch.
const FOLD_FROM =
  '\u0623\u0625\u0622\u0671\u0649\u0629\u0624\u0626\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669' +
  '\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670\u0640';
const FOLD_TO = '\u0627\u0627\u0627\u0627\u064A\u0647\u0648\u064A01234567890123456789';

// Arabic-forgiving search ("q"): the fold function for messages and contact names, and a trigram index on
// contact names so a LIKE '%term%' on them is an index scan.
export class AddArabicSearch1795314137971 implements MigrationInterface {
  name = 'AddArabicSearch1795314137971';

  async up(queryRunner: QueryRunner): Promise<void> {
    // pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query(
      `CREATE FUNCTION wasl_search_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT translate(lower(value), '${FOLD_FROM}', '${FOLD_TO}') $$`,
    );
    // Message text is not trigram-indexed: every message would add dozens of index entries at ingestion. On the
    // 2-core benchmark machine, interleaved runs measured ack p99 at 500/s of 35 to 69 ms with that index and
    // 24 to 42 ms without. Message search reads the organisation's messages instead.
    await queryRunner.query('CREATE INDEX "IDX_contacts_name_search" ON "contacts" USING gin (wasl_search_fold("name") gin_trgm_ops)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_contacts_name_search"');
    await queryRunner.query('DROP FUNCTION wasl_search_fold(text)');
    // pg_trgm stays: other schemas in the same database may use it.
  }
}
