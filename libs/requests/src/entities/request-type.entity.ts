import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';
import { RequestForm } from '../definitions/request-form.types';

// A kind of support an association gives (food basket, rent, medical, education fees …), configured by its
// administrator. The row holds the current definition; every save also writes an immutable version, and a request
// keeps the version it was filed under, so editing a type never changes submitted requests.
@Entity('request_types')
@Index(['organisationId', 'nameAr'], { unique: true })
export class RequestType {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @Column({ type: 'varchar', length: 200 }) nameAr: string;
  @Column({ type: 'varchar', length: 200 }) nameEn: string;
  // Offered to beneficiaries on the association's public form.
  @Column({ type: 'boolean', default: false }) publicForm: boolean;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ type: 'integer', default: 1 }) version: number;
  @UuidColumn() currentVersionId: string;
  @TimestampColumn() createdAt: Date;
  @TimestampColumn() updatedAt: Date;
}

@Entity('request_type_versions')
@Index(['requestTypeId', 'version'], { unique: true })
export class RequestTypeVersion {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() requestTypeId: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'varchar', length: 200 }) nameAr: string;
  @Column({ type: 'varchar', length: 200 }) nameEn: string;
  @Column({ type: 'simple-json' }) form: RequestForm;
  @UuidColumn({ nullable: true }) createdById: string | null;
  @TimestampColumn() createdAt: Date;
}
