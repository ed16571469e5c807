import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity } from 'typeorm';

// The policy: "they will be answered … within a period of no less than two weeks".
export const MINIMUM_ANSWER_DAYS = 14;

// One row per organisation: how its committee works, where automatic messages go, and the two counters (request
// numbers and file numbers). Created with defaults the first time it is needed.
@Entity('request_settings')
export class RequestSettings {
  @PrimaryUuidColumn() organisationId: string;
  @Column({ type: 'integer', default: MINIMUM_ANSWER_DAYS }) answerDays: number;
  // Votes needed before a majority decides; the chair may decide alone at any time.
  @Column({ type: 'integer', default: 3 }) quorum: number;
  @UuidColumn({ nullable: true }) chairUserId: string | null;
  // The supervisor is alerted this many days before the announced answer day if there is no decision yet.
  @Column({ type: 'integer', default: 3 }) alertDaysBefore: number;
  // The SMS inbox that carries codes and notices to beneficiaries without a conversation.
  @UuidColumn({ nullable: true }) smsInboxId: string | null;
  @Column({ type: 'integer', default: 0 }) requestCounter: number;
  @Column({ type: 'integer', default: 0 }) fileCounter: number;
  @TimestampColumn() updatedAt: Date;
}
