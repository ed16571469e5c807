import { AttachmentMetadata, OutboundTemplate } from '@app/channels';
import { BigIntColumn, PrimaryUuidColumn, SEARCH_FOLD_FUNCTION, TimestampColumn, UuidColumn } from '@app/database';
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
// The outbound recovery sweep's search: queued replies are few, so the index stays small.
@Index('IDX_messages_queued_created_at', ['createdAt'], { where: "status = 'queued'" })
export class Message {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() conversationId: string;
  @UuidColumn() inboxId: string;
  @UuidColumn() contactId: string;
  @Column({ type: 'varchar', length: 10 }) type: MessageType;
  @Column({ type: 'text' }) text: string;
  // The text as search compares it (see foldForSearch), computed by the database on insert, so a search reads a
  // plain column instead of folding every message again (200,000 messages: about 1.4 s folded at query time).
  @Column({
    type: 'text',
    generatedType: 'STORED',
    asExpression: `${SEARCH_FOLD_FUNCTION}("text")`,
    select: false,
    insert: false,
    update: false,
  })
  searchText?: string;
  @Column({ type: 'simple-json' }) attachments: AttachmentMetadata[];
  // An outbound template with its parameters (WhatsApp outside the 24-hour window); `text` holds its rendering.
  @Column({ type: 'simple-json', nullable: true }) template: OutboundTemplate | null;
  @UuidColumn({ nullable: true }) senderUserId: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) providerMessageId: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) status: DeliveryStatus | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) failureCode: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) failureReason: string | null;
  // Outbound: set while a send is under way and cleared with its outcome. Still set on a queued reply means the
  // worker died mid-send, so the provider may or may not have it (see OutboundDeliveryService).
  @TimestampColumn({ nullable: true }) sendStartedAt: Date | null;
  // When Wasl accepted the message (the gateway's clock for inbound); with sequence, the conversation's order.
  @TimestampColumn() createdAt: Date;
  // Inbound: the gateway's acceptance counter (inbound_events.id), so same-millisecond arrivals keep their order.
  @BigIntColumn({ default: 0 }) sequence: number;
  // When the row was written; createdAt→storedAt is the ingestion latency.
  @TimestampColumn() storedAt: Date;
  @TimestampColumn() updatedAt: Date;
}
