import { InboundMessage } from '@app/channels';
import { PrimaryBigSerialColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

// What the gateway accepted, stored before it answers the provider. The queue carries only this row's id,
// so message text never sits in Redis, and an event whose job was lost is found and queued again.
@Entity('inbound_events')
@Index(['inboxId', 'providerMessageId'], { unique: true })
@Index(['processedAt', 'receivedAt'])
export class InboundEvent {
  // 64-bit: a deployment serving many associations goes through 2^31 messages in months, not decades.
  @PrimaryBigSerialColumn() id: number;
  @UuidColumn() organisationId: string;
  @UuidColumn() inboxId: string;
  @Column({ type: 'varchar', length: 200 }) providerMessageId: string;
  @Column({ type: 'simple-json' }) payload: InboundMessage;
  @TimestampColumn() receivedAt: Date;
  @TimestampColumn({ nullable: true }) processedAt: Date | null;
  // Allocated when accepted, so the sender can be answered with the message's id before it is applied.
  @UuidColumn() messageId: string;
}
