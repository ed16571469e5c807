import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddChannelTemplates1796233054770 implements MigrationInterface {
  name = 'AddChannelTemplates1796233054770';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"channel_templates\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"inbox_id\" varchar NOT NULL, \"name\" varchar(512) NOT NULL, \"language\" varchar(20) NOT NULL, \"category\" varchar(40) NOT NULL, \"status\" varchar(20) NOT NULL, \"body\" text NOT NULL, \"header\" text, \"footer\" text, \"parameter_count\" integer NOT NULL, \"status_reason\" varchar(200), \"synced_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_76aad95095eab4cf293ef7a10a\" ON \"channel_templates\" (\"organisation_id\", \"inbox_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_9f173b03e80725eb7f866327ac\" ON \"channel_templates\" (\"inbox_id\", \"name\", \"language\") ");
    await queryRunner.query("DROP INDEX \"IDX_messages_queued_created_at\"");
    await queryRunner.query("DROP INDEX \"IDX_29782ee0edf5c6ce094e0b84d9\"");
    await queryRunner.query("DROP INDEX \"IDX_336f2775b8a3249566319911ba\"");
    await queryRunner.query("CREATE TABLE \"temporary_messages\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"conversation_id\" varchar NOT NULL, \"inbox_id\" varchar NOT NULL, \"contact_id\" varchar NOT NULL, \"type\" varchar(10) NOT NULL, \"text\" text NOT NULL, \"attachments\" text NOT NULL, \"sender_user_id\" varchar, \"provider_message_id\" varchar(200), \"status\" varchar(10), \"failure_code\" varchar(20), \"failure_reason\" varchar(500), \"created_at\" datetime NOT NULL, \"sequence\" integer NOT NULL DEFAULT (0), \"stored_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL, \"search_text\" text NOT NULL AS (wasl_search_fold(\"text\")) STORED, \"send_started_at\" datetime, \"template\" text)");
    await queryRunner.query("INSERT INTO \"temporary_messages\"(\"id\", \"organisation_id\", \"conversation_id\", \"inbox_id\", \"contact_id\", \"type\", \"text\", \"attachments\", \"sender_user_id\", \"provider_message_id\", \"status\", \"failure_code\", \"failure_reason\", \"created_at\", \"sequence\", \"stored_at\", \"updated_at\", \"send_started_at\") SELECT \"id\", \"organisation_id\", \"conversation_id\", \"inbox_id\", \"contact_id\", \"type\", \"text\", \"attachments\", \"sender_user_id\", \"provider_message_id\", \"status\", \"failure_code\", \"failure_reason\", \"created_at\", \"sequence\", \"stored_at\", \"updated_at\", \"send_started_at\" FROM \"messages\"");
    await queryRunner.query("DROP TABLE \"messages\"");
    await queryRunner.query("ALTER TABLE \"temporary_messages\" RENAME TO \"messages\"");
    await queryRunner.query("CREATE INDEX \"IDX_messages_queued_created_at\" ON \"messages\" (\"created_at\") WHERE status = 'queued'");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_29782ee0edf5c6ce094e0b84d9\" ON \"messages\" (\"inbox_id\", \"provider_message_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_336f2775b8a3249566319911ba\" ON \"messages\" (\"conversation_id\", \"created_at\", \"sequence\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_336f2775b8a3249566319911ba\"");
    await queryRunner.query("DROP INDEX \"IDX_29782ee0edf5c6ce094e0b84d9\"");
    await queryRunner.query("DROP INDEX \"IDX_messages_queued_created_at\"");
    await queryRunner.query("ALTER TABLE \"messages\" RENAME TO \"temporary_messages\"");
    await queryRunner.query("CREATE TABLE \"messages\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"conversation_id\" varchar NOT NULL, \"inbox_id\" varchar NOT NULL, \"contact_id\" varchar NOT NULL, \"type\" varchar(10) NOT NULL, \"text\" text NOT NULL, \"attachments\" text NOT NULL, \"sender_user_id\" varchar, \"provider_message_id\" varchar(200), \"status\" varchar(10), \"failure_code\" varchar(20), \"failure_reason\" varchar(500), \"created_at\" datetime NOT NULL, \"sequence\" integer NOT NULL DEFAULT (0), \"stored_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL, \"search_text\" text NOT NULL AS (wasl_search_fold(\"text\")) STORED, \"send_started_at\" datetime)");
    await queryRunner.query("INSERT INTO \"messages\"(\"id\", \"organisation_id\", \"conversation_id\", \"inbox_id\", \"contact_id\", \"type\", \"text\", \"attachments\", \"sender_user_id\", \"provider_message_id\", \"status\", \"failure_code\", \"failure_reason\", \"created_at\", \"sequence\", \"stored_at\", \"updated_at\", \"send_started_at\") SELECT \"id\", \"organisation_id\", \"conversation_id\", \"inbox_id\", \"contact_id\", \"type\", \"text\", \"attachments\", \"sender_user_id\", \"provider_message_id\", \"status\", \"failure_code\", \"failure_reason\", \"created_at\", \"sequence\", \"stored_at\", \"updated_at\", \"send_started_at\" FROM \"temporary_messages\"");
    await queryRunner.query("DROP TABLE \"temporary_messages\"");
    await queryRunner.query("CREATE INDEX \"IDX_336f2775b8a3249566319911ba\" ON \"messages\" (\"conversation_id\", \"created_at\", \"sequence\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_29782ee0edf5c6ce094e0b84d9\" ON \"messages\" (\"inbox_id\", \"provider_message_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_messages_queued_created_at\" ON \"messages\" (\"created_at\") WHERE status = 'queued'");
    await queryRunner.query("DROP INDEX \"IDX_9f173b03e80725eb7f866327ac\"");
    await queryRunner.query("DROP INDEX \"IDX_76aad95095eab4cf293ef7a10a\"");
    await queryRunner.query("DROP TABLE \"channel_templates\"");
  }
}
