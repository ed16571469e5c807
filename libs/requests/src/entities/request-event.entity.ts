import { JsonObject } from '@app/common';
import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

// The request's timeline: every action of the state machine and every message sent to the beneficiary.
export enum RequestEventType {
  Created = 'created',
  Transition = 'transition',
  NoticeSent = 'notice_sent',
  NoticeNotSent = 'notice_not_sent',
  AttestationInvalidated = 'attestation_invalidated',
  PhoneVerified = 'phone_verified',
  DeadlineNear = 'deadline_near',
  StatusAnswered = 'status_answered',
}

@Entity('request_events')
@Index(['requestId', 'createdAt'])
export class RequestEvent {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() requestId: string;
  @Column({ type: 'varchar', length: 30 }) type: RequestEventType;
  @Column({ type: 'varchar', length: 30, nullable: true }) action: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) fromState: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) toState: string | null;
  @UuidColumn({ nullable: true }) actorUserId: string | null;
  // 'staff', 'beneficiary' or 'system'.
  @Column({ type: 'varchar', length: 20 }) actorKind: string;
  @Column({ type: 'simple-json', nullable: true }) details: JsonObject | null;
  @TimestampColumn() createdAt: Date;
}
