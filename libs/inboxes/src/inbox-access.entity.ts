import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Entity, Index } from 'typeorm';

// One grant on an inbox's access list: a team (every member who is an officer) or one user. Officers see an inbox's
// conversations only through these rows; administrators and supervisors see every inbox without them.
@Entity('inbox_access')
@Index(['inboxId', 'teamId'], { unique: true })
@Index(['inboxId', 'userId'], { unique: true })
@Index(['organisationId', 'userId'])
@Index(['organisationId', 'teamId'])
export class InboxAccess {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() inboxId: string;
  // Exactly one of teamId and userId is set.
  @UuidColumn({ nullable: true }) teamId: string | null;
  @UuidColumn({ nullable: true }) userId: string | null;
  @TimestampColumn() createdAt: Date;
}
