import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity } from 'typeorm';

export enum RetentionMode {
  // Closed conversations, their messages, calls and events are deleted; raw payloads are deleted.
  Purge = 'purge',
  // Rows stay for statistics (counts, timestamps, channel, status) with text, numbers and files blanked.
  Anonymise = 'anonymise',
}

// An organisation's retention choice (PDPL: keep personal data no longer than needed). No row, or no months,
// means nothing is removed: retention is off until an administrator sets it.
@Entity('retention_policies')
export class RetentionPolicy {
  @PrimaryUuidColumn() organisationId: string;
  // Resolved or closed conversations whose last activity is older than this many months.
  @Column({ type: 'integer', nullable: true }) resolvedConversationMonths: number | null;
  // Raw provider payloads (inbound_events.payload) of applied messages older than this many months.
  @Column({ type: 'integer', nullable: true }) rawPayloadMonths: number | null;
  @Column({ type: 'varchar', length: 10, default: RetentionMode.Anonymise }) mode: RetentionMode;
  @UuidColumn({ nullable: true }) updatedByUserId: string | null;
  @TimestampColumn() updatedAt: Date;
}
