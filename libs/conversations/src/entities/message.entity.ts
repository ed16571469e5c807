import { AttachmentMetadata } from '@app/channels';
import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

export enum MessageType {
  Inbound = 'inbound',
  Outbound = 'outbound',
  // Private note between staff; never sent to the beneficiary.
  Note = 'note',
}

export enum DeliveryStatus {
  Queued = 'queued',
  Sent = 'sent',
  Delivered = 'delivered',
  Read = 'read',
  Failed = 'failed',
}

@Entity('messages')
@Index(['conversationId', 'createdAt', 'sequence'])
// The exactly-once guarantee for provider messages: one row per inbox and provider id, however often it arrives.
@Index(['inboxId', 'providerMessageId'], { unique: true })
// Trigram index on wasl_search_fold(text), PostgreSQL only (migration AddArabicSearch): TypeORM cannot describe it.
@Index('IDX_messages_text_search', { synchronize: false })
export class Message {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() conversationId: string;
  @UuidColumn() inboxId: string;
  @UuidColumn() contactId: string;
  @Column({ type: 'varchar', length: 10 }) type: MessageType;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'simple-json' }) attachments: AttachmentMetadata[];
  @UuidColumn({ nullable: true }) senderUserId: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) providerMessageId: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) status: DeliveryStatus | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) failureCode: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) failureReason: string | null;
  // When Wasl accepted the message (the gateway's clock for inbound); with sequence, the conversation's order.
  @TimestampColumn() createdAt: Date;
  // Inbound: the gateway's acceptance counter (inbound_events.id), so same-millisecond arrivals keep their order.
  @Column({ type: 'integer', default: 0 }) sequence: number;
  // When the row was written; createdAt→storedAt is the ingestion latency.
  @TimestampColumn() storedAt: Date;
  @TimestampColumn() updatedAt: Date;
}
