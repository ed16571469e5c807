import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

export enum CallDirection {
  Inbound = 'inbound',
  Outbound = 'outbound',
}

// What an officer records after calling a beneficiary back.
export enum CallOutcome {
  Answered = 'answered',
  NoAnswer = 'no-answer',
  Busy = 'busy',
  Failed = 'failed',
  LeftVoicemail = 'left-voicemail',
}

// One phone call: a Twilio call (keyed by CallSid, statuses and durations kept as they arrive) or a call an
// officer made and logged. Linked to the caller's conversation once the worker has applied its timeline message.
@Entity('calls')
@Index(['inboxId', 'callSid'], { unique: true })
@Index(['conversationId', 'startedAt'])
export class Call {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() inboxId: string;
  @UuidColumn({ nullable: true }) conversationId: string | null;
  @UuidColumn({ nullable: true }) contactId: string | null;
  @Column({ type: 'varchar', length: 10 }) direction: CallDirection;
  // Null for calls logged by an officer.
  @Column({ type: 'varchar', length: 64, nullable: true }) callSid: string | null;
  @Column({ type: 'varchar', length: 64 }) fromNumber: string;
  @Column({ type: 'varchar', length: 64 }) toNumber: string;
  // Twilio's CallStatus/DialCallStatus for inbound calls, the officer's CallOutcome for logged ones.
  @Column({ type: 'varchar', length: 20 }) status: string;
  @Column({ type: 'boolean', default: false }) missed: boolean;
  @Column({ type: 'integer', nullable: true }) durationSeconds: number | null;
  // The inbound message that put the call on the conversation's timeline, and the voicemail's message.
  @UuidColumn({ nullable: true }) messageId: string | null;
  @UuidColumn({ nullable: true }) voicemailMessageId: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) recordingSid: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) recordingUrl: string | null;
  @Column({ type: 'text', nullable: true }) transcription: string | null;
  @UuidColumn({ nullable: true }) loggedByUserId: string | null;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @TimestampColumn() startedAt: Date;
  @TimestampColumn({ nullable: true }) endedAt: Date | null;
  @TimestampColumn() createdAt: Date;
  @TimestampColumn() updatedAt: Date;
}
