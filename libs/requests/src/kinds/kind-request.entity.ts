import { JsonObject } from '@app/common';
import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';
import { FeedbackType, InternalPriority, KindSource, KindState, RequestKind } from './request-kind.enum';

// A volunteering application, a suggestion or complaint, or an internal request: each is worked in its conversation
// (which carries the structured data as its first note) and moves through its kind's own states.
@Entity('kind_requests')
@Index(['organisationId', 'kind', 'state', 'updatedAt'])
@Index(['organisationId', 'conversationId'])
@Index(['organisationId', 'requesterUserId'])
export class KindRequest {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @Column({ type: 'varchar', length: 20 }) kind: RequestKind;
  @Column({ type: 'varchar', length: 20 }) state: KindState;
  @Column({ type: 'varchar', length: 20 }) source: KindSource;
  @UuidColumn({ nullable: true }) conversationId: string | null;
  // The person it concerns: the applicant, the sender of the feedback, or the requester's own staff contact.
  @UuidColumn({ nullable: true }) contactId: string | null;
  // The team that works it: the volunteering team, the feedback team, or the department asked.
  @UuidColumn({ nullable: true }) teamId: string | null;
  // The staff member who opened it (captured feedback, an internal request); null for a public form.
  @UuidColumn({ nullable: true }) requesterUserId: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) feedbackType: FeedbackType | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) priority: InternalPriority | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) subject: string | null;
  @Column({ type: 'text' }) details: string;
  @Column({ type: 'simple-json' }) tags: string[];
  // The form's structured answers (skills, availability…), as typed.
  @Column({ type: 'simple-json' }) data: JsonObject;
  // What the sender was told when the feedback was acted on, or the applicant of the decision.
  @Column({ type: 'text', nullable: true }) reply: string | null;
  @TimestampColumn({ nullable: true }) closedAt: Date | null;
  @TimestampColumn() createdAt: Date;
  @TimestampColumn() updatedAt: Date;
}
