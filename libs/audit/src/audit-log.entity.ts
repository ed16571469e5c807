import { JsonObject } from '@app/common';
import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

// Who did what to whose personal data, and when (PDPL: access by role, audited).
@Entity('audit_log')
@Index(['organisationId', 'createdAt'])
// The audit API's filters by subject and by actor.
@Index(['organisationId', 'subjectType', 'subjectId', 'createdAt'])
@Index(['organisationId', 'actorUserId', 'createdAt'])
export class AuditLog {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn({ nullable: true }) actorUserId: string | null;
  @Column({ type: 'varchar', length: 60 }) action: string;
  @Column({ type: 'varchar', length: 40 }) subjectType: string;
  @Column({ type: 'varchar', length: 64 }) subjectId: string;
  @Column({ type: 'simple-json', nullable: true }) details: JsonObject | null;
  @TimestampColumn() createdAt: Date;
}
