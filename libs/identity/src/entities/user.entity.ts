import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';
import { UserRole } from './user-role.enum';

@Entity('users')
@Index(['email'], { unique: true })
export class User {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() @Index() organisationId: string;
  @Column({ type: 'varchar', length: 320 }) email: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 20 }) role: UserRole;
  @Column({ type: 'varchar', length: 300 }) passwordHash: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @TimestampColumn() createdAt: Date;
}
