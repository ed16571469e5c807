import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

// A reply officers insert from the composer by its shortcut (/شكر), with variables filled in on the server.
@Entity('canned_replies')
@Index(['organisationId', 'shortcut'], { unique: true })
export class CannedReply {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @Column({ type: 'varchar', length: 120 }) title: string;
  @Column({ type: 'varchar', length: 40 }) shortcut: string;
  @Column({ type: 'text' }) bodyAr: string;
  @Column({ type: 'text', nullable: true }) bodyEn: string | null;
  @UuidColumn() createdByUserId: string;
  @UuidColumn() updatedByUserId: string;
  @TimestampColumn() createdAt: Date;
  @TimestampColumn() updatedAt: Date;
}
