import { TemplateStatus } from '@app/channels';
import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

// A message template the provider approved (or not yet) for an inbox: synced from the provider by a job and kept
// current by its status webhooks. Officers send approved ones outside the reply window (WhatsApp's 24 hours).
@Entity('channel_templates')
@Index(['inboxId', 'name', 'language'], { unique: true })
@Index(['organisationId', 'inboxId'])
export class ChannelTemplateRow {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() inboxId: string;
  @Column({ type: 'varchar', length: 512 }) name: string;
  @Column({ type: 'varchar', length: 20 }) language: string;
  @Column({ type: 'varchar', length: 40 }) category: string;
  @Column({ type: 'varchar', length: 20 }) status: TemplateStatus;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'text', nullable: true }) header: string | null;
  @Column({ type: 'text', nullable: true }) footer: string | null;
  @Column({ type: 'integer' }) parameterCount: number;
  // Why the provider rejected or paused it, as it said.
  @Column({ type: 'varchar', length: 200, nullable: true }) statusReason: string | null;
  @TimestampColumn() syncedAt: Date;
  @TimestampColumn() updatedAt: Date;
}
