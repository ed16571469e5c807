import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

// A file an officer uploaded for a reply or a private note of one conversation, before and after it is attached.
// The bytes are in the attachment store under `<inbox>/<conversation>/<id>.<extension>`; the row says whose it is,
// what it is (told by its first bytes) and which message took it. An upload is attached once, and one that no
// message took within a day is removed by the maintenance queue's sweep.
@Entity('attachment_uploads')
@Index(['organisationId', 'conversationId'])
// The sweep's search: unattached uploads are few, so the index stays small.
@Index('IDX_attachment_uploads_unattached_created_at', ['createdAt'], { where: 'message_id IS NULL' })
export class AttachmentUpload {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() conversationId: string;
  @UuidColumn() inboxId: string;
  @UuidColumn() uploadedByUserId: string;
  @Column({ type: 'varchar', length: 50 }) contentType: string;
  @Column({ type: 'varchar', length: 200 }) fileName: string;
  @Column({ type: 'integer' }) sizeBytes: number;
  @UuidColumn({ nullable: true }) messageId: string | null;
  @TimestampColumn() createdAt: Date;
}
