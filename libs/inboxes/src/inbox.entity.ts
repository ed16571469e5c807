import { JsonObject } from '@app/common';
import { ChannelKind } from '@app/channels';
import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

// One configured channel instance: a web chat, an API channel, an SMS number, a WhatsApp number, a mailbox.
@Entity('inboxes')
@Index(['organisationId', 'name'], { unique: true })
export class Inbox {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 20 }) channel: ChannelKind;
  @Column({ type: 'varchar', length: 40, nullable: true }) provider: string | null;
  @UuidColumn({ nullable: true }) teamId: string | null;
  // Non-secret settings, returned by the API (callback URL, phone number, greeting…).
  @Column({ type: 'simple-json' }) settings: JsonObject;
  // Credentials sealed with WASL_ENCRYPTION_KEY (AES-256-GCM); never returned after creation.
  @Column({ type: 'text' }) sealedSecrets: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @TimestampColumn() createdAt: Date;
}
