import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';
import { CommitteeOutcome } from './support-request.entity';

// One committee member's vote in one round of study (a request asked for more information comes back for another).
@Entity('committee_votes')
@Index(['requestId', 'round', 'memberId'], { unique: true })
export class CommitteeVote {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() requestId: string;
  @Column({ type: 'integer' }) round: number;
  @UuidColumn() memberId: string;
  @Column({ type: 'varchar', length: 20 }) outcome: CommitteeOutcome;
  @Column({ type: 'varchar', length: 200, nullable: true }) service: string | null;
  // Saudi riyals, in halalas so that no rounding happens on either database.
  @Column({ type: 'integer', nullable: true }) amountHalalas: number | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) reason: string | null;
  @TimestampColumn() createdAt: Date;
}
