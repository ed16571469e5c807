import { JsonObject } from '@app/common';
import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

export enum KindRequestEventType {
  Created = 'created',
  Transition = 'transition',
  NoticeSent = 'notice_sent',
  NoticeNotSent = 'notice_not_sent',
}

// The record's timeline: its creation, every transition and every message to the person it concerns.
@Entity('kind_request_events')
@Index(['kindRequestId', 'createdAt'])
export class KindRequestEvent {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() kindRequestId: string;
  @Column({ type: 'varchar', length: 30 }) type: KindRequestEventType;
  @Column({ type: 'varchar', length: 30, nullable: true }) action: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) fromState: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) toState: string | null;
  @UuidColumn({ nullable: true }) actorUserId: string | null;
  @Column({ type: 'simple-json', nullable: true }) details: JsonObject | null;
  @TimestampColumn() createdAt: Date;
}
