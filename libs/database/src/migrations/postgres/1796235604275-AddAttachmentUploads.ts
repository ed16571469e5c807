import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAttachmentUploads1796235604275 implements MigrationInterface {
  name = 'AddAttachmentUploads1796235604275';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"attachment_uploads\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"conversation_id\" uuid NOT NULL, \"inbox_id\" uuid NOT NULL, \"uploaded_by_user_id\" uuid NOT NULL, \"content_type\" character varying(50) NOT NULL, \"file_name\" character varying(200) NOT NULL, \"size_bytes\" integer NOT NULL, \"message_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_e09c4d5e8549fd56a00385595ea\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_attachment_uploads_unattached_created_at\" ON \"attachment_uploads\" (\"created_at\") WHERE message_id IS NULL");
    await queryRunner.query("CREATE INDEX \"IDX_47ea2ebb4aaedcf9b7b5dcc3e5\" ON \"attachment_uploads\" (\"organisation_id\", \"conversation_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_47ea2ebb4aaedcf9b7b5dcc3e5\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_attachment_uploads_unattached_created_at\"");
    await queryRunner.query("DROP TABLE \"attachment_uploads\"");
  }
}
