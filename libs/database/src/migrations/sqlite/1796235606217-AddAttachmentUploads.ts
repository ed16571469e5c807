import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAttachmentUploads1796235606217 implements MigrationInterface {
  name = 'AddAttachmentUploads1796235606217';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"attachment_uploads\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"conversation_id\" varchar NOT NULL, \"inbox_id\" varchar NOT NULL, \"uploaded_by_user_id\" varchar NOT NULL, \"content_type\" varchar(50) NOT NULL, \"file_name\" varchar(200) NOT NULL, \"size_bytes\" integer NOT NULL, \"message_id\" varchar, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_attachment_uploads_unattached_created_at\" ON \"attachment_uploads\" (\"created_at\") WHERE message_id IS NULL");
    await queryRunner.query("CREATE INDEX \"IDX_47ea2ebb4aaedcf9b7b5dcc3e5\" ON \"attachment_uploads\" (\"organisation_id\", \"conversation_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_47ea2ebb4aaedcf9b7b5dcc3e5\"");
    await queryRunner.query("DROP INDEX \"IDX_attachment_uploads_unattached_created_at\"");
    await queryRunner.query("DROP TABLE \"attachment_uploads\"");
  }
}
