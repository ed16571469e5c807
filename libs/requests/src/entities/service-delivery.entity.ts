import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

// Step 7: one service given to a registered beneficiary under a request: what, when, how much or how many, by whom.
@Entity('service_deliveries')
@Index(['requestId', 'deliveredOn'])
export class ServiceDelivery {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() requestId: string;
  @UuidColumn() beneficiaryId: string;
  @Column({ type: 'varchar', length: 300 }) description: string;
  @Column({ type: 'varchar', length: 10 }) deliveredOn: string;
  @Column({ type: 'integer', nullable: true }) amountHalalas: number | null;
  @Column({ type: 'integer', nullable: true }) quantity: number | null;
  @UuidColumn() deliveredById: string;
  @TimestampColumn() createdAt: Date;
}
