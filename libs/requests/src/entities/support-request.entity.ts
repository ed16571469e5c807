import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';
import { RequestValues } from '../definitions/request-form.types';
import { RequestSource, RequestState } from '../state/request-state.enum';

export interface ResearchFindings {
  homeVisitDate: string;
  findings: string;
  recommendation: string;
  recordedById: string;
  recordedAt: string;
}

export enum CommitteeOutcome {
  Approved = 'approved',
  Rejected = 'rejected',
  MoreInformation = 'more_information',
}

export interface CommitteeDecision {
  outcome: CommitteeOutcome;
  service: string | null;
  amount: number | null;
  reason: string | null;
  round: number;
  // The chair who recorded it, or null when a quorum of votes decided.
  decidedById: string | null;
  byQuorum: boolean;
  decidedAt: string;
}

// طلب دعم مستفيد: one beneficiary's request for support, from intake to the service delivered.
@Entity('support_requests')
@Index(['organisationId', 'number'], { unique: true })
@Index(['organisationId', 'state', 'updatedAt'])
@Index(['organisationId', 'contactId'])
export class SupportRequest {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  // Per organisation, what the beneficiary quotes ("my request number 12") and may send to ask for its status.
  @Column({ type: 'integer' }) number: number;
  @UuidColumn() contactId: string;
  @UuidColumn() requestTypeId: string;
  @UuidColumn() typeVersionId: string;
  @Column({ type: 'varchar', length: 30 }) state: RequestState;
  @Column({ type: 'varchar', length: 20 }) source: RequestSource;
  // The conversation it was opened from; the beneficiary is answered there.
  @UuidColumn({ nullable: true }) conversationId: string | null;
  // The branch office (a team marked as one) whose representative opened it.
  @UuidColumn({ nullable: true }) branchTeamId: string | null;
  // Null for the public form: nobody on the staff opened it.
  @UuidColumn({ nullable: true }) createdById: string | null;
  // The beneficiary-relations officer handling it; null until an officer takes a public-form request.
  @UuidColumn({ nullable: true }) @Index() officerId: string | null;
  @UuidColumn({ nullable: true }) @Index() researcherId: string | null;
  @Column({ type: 'simple-json' }) values: RequestValues;
  @Column({ type: 'simple-json', nullable: true }) findings: ResearchFindings | null;
  @Column({ type: 'simple-json', nullable: true }) decision: CommitteeDecision | null;
  // When the complete data was submitted (sent to research): expiries are judged on that day from then on.
  @TimestampColumn({ nullable: true }) submittedAt: Date | null;
  // When it last went to the committee, the round of that study and the day the beneficiary was told they will be
  // answered by (Riyadh, YYYY-MM-DD; never less than 14 days after submission).
  @TimestampColumn({ nullable: true }) committeeSubmittedAt: Date | null;
  @Column({ type: 'integer', default: 0 }) committeeRound: number;
  @Column({ type: 'varchar', length: 10, nullable: true }) answerDueOn: string | null;
  // Set when the supervisor was alerted that the answer day is near; cleared with each new round.
  @TimestampColumn({ nullable: true }) deadlineAlertedAt: Date | null;
  @UuidColumn({ nullable: true }) beneficiaryId: string | null;
  @TimestampColumn({ nullable: true }) closedAt: Date | null;
  @TimestampColumn() createdAt: Date;
  @TimestampColumn() updatedAt: Date;
}
