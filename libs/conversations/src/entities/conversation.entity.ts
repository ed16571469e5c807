import { ChannelKind } from '@app/channels';
import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

export enum ConversationStatus {
  Open = 'open',
  Pending = 'pending',
  Resolved = 'resolved',
  Closed = 'closed',
}

export enum ConversationPriority {
  Low = 'low',
  Normal = 'normal',
  High = 'high',
  Urgent = 'urgent',
}

// A ticket: one beneficiary's thread on one inbox, worked by the officers of the inbox's team.
@Entity('conversations')
@Index(['organisationId', 'number'], { unique: true })
@Index(['organisationId', 'lastActivityAt'])
@Index(['organisationId', 'contactId', 'inboxId'])
export class Conversation {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  // Human-friendly, per organisation: what an officer says on the phone ("your request number 42").
  @Column({ type: 'integer' }) number: number;
  @UuidColumn() inboxId: string;
  @UuidColumn() contactId: string;
  @Column({ type: 'varchar', length: 20 }) channel: ChannelKind;
  @Column({ type: 'varchar', length: 20 }) status: ConversationStatus;
  @Column({ type: 'varchar', length: 10, default: ConversationPriority.Normal }) priority: ConversationPriority;
  @UuidColumn({ nullable: true }) assigneeId: string | null;
  @UuidColumn({ nullable: true }) teamId: string | null;
  @Column({ type: 'simple-json' }) labels: string[];
  @Column({ type: 'varchar', length: 200, nullable: true }) lastMessagePreview: string | null;
  @TimestampColumn() lastActivityAt: Date;
  // When the beneficiary started waiting for an answer; cleared by an officer's reply.
  @TimestampColumn({ nullable: true }) waitingSince: Date | null;
  @TimestampColumn({ nullable: true }) firstResponseAt: Date | null;
  @TimestampColumn({ nullable: true }) resolvedAt: Date | null;
  @TimestampColumn() createdAt: Date;
  @TimestampColumn() updatedAt: Date;
}
