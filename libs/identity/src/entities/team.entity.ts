import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

// A team of staff; a branch office (مكتب فرعي) is a team with isBranch set.
@Entity('teams')
@Index(['organisationId', 'name'], { unique: true })
export class Team {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'boolean', default: false }) isBranch: boolean;
  @TimestampColumn() createdAt: Date;
}

@Entity('team_members')
@Index(['teamId', 'userId'], { unique: true })
export class TeamMember {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() @Index() organisationId: string;
  @UuidColumn() teamId: string;
  @UuidColumn() @Index() userId: string;
}
