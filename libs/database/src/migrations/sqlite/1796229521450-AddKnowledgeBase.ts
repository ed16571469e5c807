import { MigrationInterface, QueryRunner } from 'typeorm';

// The officer's tools: knowledge-base documents, their files and passages (with the folded search column, computed
// by the function every connection registers), and canned replies.

export class AddKnowledgeBase1796229521450 implements MigrationInterface {
  name = 'AddKnowledgeBase1796229521450';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"canned_replies\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"title\" varchar(120) NOT NULL, \"shortcut\" varchar(40) NOT NULL, \"body_ar\" text NOT NULL, \"body_en\" text, \"created_by_user_id\" varchar NOT NULL, \"updated_by_user_id\" varchar NOT NULL, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_72c1f2ba1e5804e317fcc8ca57\" ON \"canned_replies\" (\"organisation_id\", \"shortcut\") ");
    await queryRunner.query("CREATE TABLE \"knowledge_document_files\" (\"document_id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"content_type\" varchar(100) NOT NULL, \"content\" blob NOT NULL)");
    await queryRunner.query("CREATE TABLE \"knowledge_documents\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"title\" varchar(200) NOT NULL, \"kind\" varchar(30) NOT NULL, \"source\" varchar(10) NOT NULL, \"format\" varchar(10) NOT NULL, \"file_name\" varchar(200), \"size_bytes\" integer NOT NULL, \"body\" text, \"reader_roles\" varchar(100), \"status\" varchar(10) NOT NULL, \"failure_reason\" varchar(300), \"passage_count\" integer NOT NULL DEFAULT (0), \"page_count\" integer, \"revision\" integer NOT NULL DEFAULT (1), \"created_by_user_id\" varchar NOT NULL, \"updated_by_user_id\" varchar NOT NULL, \"extracted_at\" datetime, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_d48a3913e72825e4337b464120\" ON \"knowledge_documents\" (\"organisation_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"knowledge_passages\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"document_id\" varchar NOT NULL, \"position\" integer NOT NULL, \"heading\" varchar(300), \"page\" integer, \"text\" text NOT NULL, \"search_text\" text NOT NULL AS (wasl_search_fold(coalesce(\"heading\", '') || ' ' || \"text\")) STORED)");
    await queryRunner.query("CREATE INDEX \"IDX_5ebbb2e4e07e700df6b80148f6\" ON \"knowledge_passages\" (\"organisation_id\", \"document_id\", \"position\") ");
    await queryRunner.query("INSERT INTO \"typeorm_metadata\"(\"database\", \"schema\", \"table\", \"type\", \"name\", \"value\") VALUES (NULL, NULL, ?, ?, ?, ?)", ["knowledge_passages","GENERATED_COLUMN","search_text","wasl_search_fold(coalesce(\"heading\", '') || ' ' || \"text\")"]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM \"typeorm_metadata\" WHERE \"type\" = ? AND \"name\" = ? AND \"table\" = ?", ["GENERATED_COLUMN","search_text","knowledge_passages"]);
    await queryRunner.query("DROP INDEX \"IDX_5ebbb2e4e07e700df6b80148f6\"");
    await queryRunner.query("DROP TABLE \"knowledge_passages\"");
    await queryRunner.query("DROP INDEX \"IDX_d48a3913e72825e4337b464120\"");
    await queryRunner.query("DROP TABLE \"knowledge_documents\"");
    await queryRunner.query("DROP TABLE \"knowledge_document_files\"");
    await queryRunner.query("DROP INDEX \"IDX_72c1f2ba1e5804e317fcc8ca57\"");
    await queryRunner.query("DROP TABLE \"canned_replies\"");
  }
}
