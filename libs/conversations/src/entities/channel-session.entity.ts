import { ChannelSessionState } from '@app/channels';
import { TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

// The live session of an inbox whose channel is a paired device (WhatsApp through whatsapp-web.js): its state for
// administrators, the pairing QR code while pairing, and its credentials, sealed, so any worker can resume it.
@Entity('channel_sessions')
export class ChannelSession {
  @PrimaryColumn({ type: 'varchar', length: 36 }) inboxId: string;
  @UuidColumn() organisationId: string;
  @Column({ type: 'varchar', length: 20 }) state: ChannelSessionState;
  @Column({ type: 'text', nullable: true }) qr: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) reason: string | null;
  // Which worker process drives it now (its lease holder), for the inbox page and the logs.
  @Column({ type: 'varchar', length: 80, nullable: true }) drivenBy: string | null;
  // Sealed with WASL_ENCRYPTION_KEY: whoever holds it is logged in to the association's WhatsApp.
  @Column({ type: 'text', nullable: true }) sealedData: string | null;
  @TimestampColumn() updatedAt: Date;
}
