import { MigrationInterface, QueryRunner } from 'typeorm';

// messages.search_text: the text folded for search, computed by SQLite on insert with the function every
// connection registers (see foldForSearch). SQLite cannot add a stored column in place, so the table is rebuilt.
export class AddMessageSearchText1795316695562 implements MigrationInterface {
  name = 'AddMessageSearchText1795316695562';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Where TypeORM records generated columns; it creates the table itself only when it runs with the entities.
    await queryRunner.query('CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)');
    await queryRunner.query("DROP INDEX \"IDX_336f2775b8a3249566319911ba\"");
    await queryRunner.query("DROP INDEX \"IDX_29782ee0edf5c6ce094e0b84d9\"");
    await queryRunner.query("CREATE TABLE \"temporary_messages\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"conversation_id\" varchar NOT NULL, \"inbox_id\" varchar NOT NULL, \"contact_id\" varchar NOT NULL, \"type\" varchar(10) NOT NULL, \"text\" text NOT NULL, \"attachments\" text NOT NULL, \"sender_user_id\" varchar, \"provider_message_id\" varchar(200), \"status\" varchar(10), \"failure_code\" varchar(20), \"failure_reason\" varchar(500), \"created_at\" datetime NOT NULL, \"sequence\" integer NOT NULL DEFAULT (0), \"stored_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL, \"search_text\" text NOT NULL AS (wasl_search_fold(\"text\")) STORED)");
    await queryRunner.query("INSERT INTO \"temporary_messages\"(\"id\", \"organisation_id\", \"conversation_id\", \"inbox_id\", \"contact_id\", \"type\", \"text\", \"attachments\", \"sender_user_id\", \"provider_message_id\", \"status\", \"failure_code\", \"failure_reason\", \"created_at\", \"sequence\", \"stored_at\", \"updated_at\") SELECT \"id\", \"organisation_id\", \"conversation_id\", \"inbox_id\", \"contact_id\", \"type\", \"text\", \"attachments\", \"sender_user_id\", \"provider_message_id\", \"status\", \"failure_code\", \"failure_reason\", \"created_at\", \"sequence\", \"stored_at\", \"updated_at\" FROM \"messages\"");
    await queryRunner.query("DROP TABLE \"messages\"");
    await queryRunner.query("ALTER TABLE \"temporary_messages\" RENAME TO \"messages\"");
    await queryRunner.query("CREATE INDEX \"IDX_336f2775b8a3249566319911ba\" ON \"messages\" (\"conversation_id\", \"created_at\", \"sequence\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_29782ee0edf5c6ce094e0b84d9\" ON \"messages\" (\"inbox_id\", \"provider_message_id\") ");
    await queryRunner.query("INSERT INTO \"typeorm_metadata\"(\"database\", \"schema\", \"table\", \"type\", \"name\", \"value\") VALUES (NULL, NULL, ?, ?, ?, ?)", ["messages","GENERATED_COLUMN","search_text","wasl_search_fold(\"text\")"]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM \"typeorm_metadata\" WHERE \"type\" = ? AND \"name\" = ? AND \"table\" = ?", ["GENERATED_COLUMN","search_text","messages"]);
    await queryRunner.query("DROP INDEX \"IDX_29782ee0edf5c6ce094e0b84d9\"");
    await queryRunner.query("DROP INDEX \"IDX_336f2775b8a3249566319911ba\"");
    await queryRunner.query("ALTER TABLE \"messages\" RENAME TO \"temporary_messages\"");
    await queryRunner.query("CREATE TABLE \"messages\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"conversation_id\" varchar NOT NULL, \"inbox_id\" varchar NOT NULL, \"contact_id\" varchar NOT NULL, \"type\" varchar(10) NOT NULL, \"text\" text NOT NULL, \"attachments\" text NOT NULL, \"sender_user_id\" varchar, \"provider_message_id\" varchar(200), \"status\" varchar(10), \"failure_code\" varchar(20), \"failure_reason\" varchar(500), \"created_at\" datetime NOT NULL, \"sequence\" integer NOT NULL DEFAULT (0), \"stored_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL)");
    await queryRunner.query("INSERT INTO \"messages\"(\"id\", \"organisation_id\", \"conversation_id\", \"inbox_id\", \"contact_id\", \"type\", \"text\", \"attachments\", \"sender_user_id\", \"provider_message_id\", \"status\", \"failure_code\", \"failure_reason\", \"created_at\", \"sequence\", \"stored_at\", \"updated_at\") SELECT \"id\", \"organisation_id\", \"conversation_id\", \"inbox_id\", \"contact_id\", \"type\", \"text\", \"attachments\", \"sender_user_id\", \"provider_message_id\", \"status\", \"failure_code\", \"failure_reason\", \"created_at\", \"sequence\", \"stored_at\", \"updated_at\" FROM \"temporary_messages\"");
    await queryRunner.query("DROP TABLE \"temporary_messages\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_29782ee0edf5c6ce094e0b84d9\" ON \"messages\" (\"inbox_id\", \"provider_message_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_336f2775b8a3249566319911ba\" ON \"messages\" (\"conversation_id\", \"created_at\", \"sequence\") ");
  }
}
