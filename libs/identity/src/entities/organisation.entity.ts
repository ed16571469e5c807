import { PrimaryUuidColumn, TimestampColumn } from '@app/database';
import { Column, Entity } from 'typeorm';

// An association. Every other row in Wasl carries its organisation_id.
@Entity('organisations')
export class Organisation {
  @PrimaryUuidColumn() id: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 10, default: 'ar' }) locale: string;
  // Source of the human-friendly conversation numbers (#1, #2, …) of this organisation.
  @Column({ type: 'integer', default: 0 }) conversationCounter: number;
  @TimestampColumn() createdAt: Date;
}
