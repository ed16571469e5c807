import { MigrationInterface, QueryRunner } from 'typeorm';

// The officer's tools: knowledge-base documents, their files and passages (with the folded search column, like
// messages.search_text), and canned replies.

export class AddKnowledgeBase1796229520353 implements MigrationInterface {
  name = 'AddKnowledgeBase1796229520353';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"canned_replies\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"title\" character varying(120) NOT NULL, \"shortcut\" character varying(40) NOT NULL, \"body_ar\" text NOT NULL, \"body_en\" text, \"created_by_user_id\" uuid NOT NULL, \"updated_by_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_dd80b4af0ce27d517e404fbc7d6\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_72c1f2ba1e5804e317fcc8ca57\" ON \"canned_replies\" (\"organisation_id\", \"shortcut\") ");
    await queryRunner.query("CREATE TABLE \"knowledge_document_files\" (\"document_id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"content_type\" character varying(100) NOT NULL, \"content\" bytea NOT NULL, CONSTRAINT \"PK_cc9f16d3163ae376acbba2bb26f\" PRIMARY KEY (\"document_id\"))");
    await queryRunner.query("CREATE TABLE \"knowledge_documents\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"title\" character varying(200) NOT NULL, \"kind\" character varying(30) NOT NULL, \"source\" character varying(10) NOT NULL, \"format\" character varying(10) NOT NULL, \"file_name\" character varying(200), \"size_bytes\" integer NOT NULL, \"body\" text, \"reader_roles\" character varying(100), \"status\" character varying(10) NOT NULL, \"failure_reason\" character varying(300), \"passage_count\" integer NOT NULL DEFAULT '0', \"page_count\" integer, \"revision\" integer NOT NULL DEFAULT '1', \"created_by_user_id\" uuid NOT NULL, \"updated_by_user_id\" uuid NOT NULL, \"extracted_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_402a3c43fb263aa5289670e4e21\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_d48a3913e72825e4337b464120\" ON \"knowledge_documents\" (\"organisation_id\", \"created_at\") ");
    // TypeORM's record of the generated column, for this database whatever it is named.
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value")
       VALUES (current_database(), current_schema(), 'knowledge_passages', 'GENERATED_COLUMN', 'search_text', $1)`,
      [`wasl_search_fold(coalesce("heading", '') || ' ' || "text")`],
    );
    await queryRunner.query("CREATE TABLE \"knowledge_passages\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"document_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"heading\" character varying(300), \"page\" integer, \"text\" text NOT NULL, \"search_text\" text GENERATED ALWAYS AS (wasl_search_fold(coalesce(\"heading\", '') || ' ' || \"text\")) STORED NOT NULL, CONSTRAINT \"PK_379aeca857a8e82818c54937806\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_5ebbb2e4e07e700df6b80148f6\" ON \"knowledge_passages\" (\"organisation_id\", \"document_id\", \"position\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_5ebbb2e4e07e700df6b80148f6\"");
    await queryRunner.query("DROP TABLE \"knowledge_passages\"");
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'search_text' AND "table" = 'knowledge_passages'
         AND "database" = current_database() AND "schema" = current_schema()`,
    );
    await queryRunner.query("DROP INDEX \"public\".\"IDX_d48a3913e72825e4337b464120\"");
    await queryRunner.query("DROP TABLE \"knowledge_documents\"");
    await queryRunner.query("DROP TABLE \"knowledge_document_files\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_72c1f2ba1e5804e317fcc8ca57\"");
    await queryRunner.query("DROP TABLE \"canned_replies\"");
  }
}
