import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';
import { HouseholdRow } from '../definitions/request-form.types';

// Step 6: an applicant whose request was approved becomes a registered beneficiary with a file number (رقم الملف)
// of the organisation; a later approved request of the same person keeps the file and updates the household.
@Entity('registered_beneficiaries')
@Index(['organisationId', 'fileNumber'], { unique: true })
@Index(['organisationId', 'contactId'], { unique: true })
export class RegisteredBeneficiary {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() contactId: string;
  @Column({ type: 'integer' }) fileNumber: number;
  @Column({ type: 'simple-json' }) household: HouseholdRow[];
  @UuidColumn() registeredById: string;
  @UuidColumn() firstRequestId: string;
  @TimestampColumn() registeredAt: Date;
  @TimestampColumn() updatedAt: Date;
}
