import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';
import { UserLocale } from './user-locale.enum';
import { UserRole } from './user-role.enum';

// E-mail is unique per organisation, so creating a user never reveals that another association has that address.
@Entity('users')
@Index(['organisationId', 'email'], { unique: true })
@Index(['email'])
export class User {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() @Index() organisationId: string;
  @Column({ type: 'varchar', length: 320 }) email: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 20 }) role: UserRole;
  @Column({ type: 'varchar', length: 300 }) passwordHash: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  // Carried in every access token; raising it (deactivation, password reset) ends every session at once.
  @Column({ type: 'integer', default: 0 }) sessionVersion: number;
  // The interface language the user chose; null until they choose, when the browser's last choice applies.
  @Column({ type: 'varchar', length: 5, nullable: true }) locale: UserLocale | null;
  @TimestampColumn() createdAt: Date;
}
