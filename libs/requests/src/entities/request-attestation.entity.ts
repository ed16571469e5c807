import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

export enum AttestationMethod {
  // The beneficiary entered the code on the page a signed link opened.
  CodeOnSignedPage = 'code_on_signed_page',
  // At a walk-in visit the beneficiary read the code to the officer, who entered it.
  CodeReadToOfficer = 'code_read_to_officer',
}

// Step 4: the applicant confirms that the data is correct and that they answer for it. The row keeps a SHA-256 of the
// canonical JSON of exactly what was attested (the values and the documents' ids and hashes); when the request's
// data no longer hashes to it, the attestation is invalid, and the request says so.
@Entity('request_attestations')
@Index(['requestId', 'attestedAt'])
export class RequestAttestation {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() requestId: string;
  @Column({ type: 'varchar', length: 64 }) dataHash: string;
  // The channel the code went on ('sms') and the number it reached, masked.
  @Column({ type: 'varchar', length: 20 }) channel: string;
  @Column({ type: 'varchar', length: 30 }) sentTo: string;
  @Column({ type: 'varchar', length: 30 }) method: AttestationMethod;
  // The officer who entered a code read to them; null when the beneficiary entered it.
  @UuidColumn({ nullable: true }) enteredById: string | null;
  @TimestampColumn() attestedAt: Date;
  @TimestampColumn({ nullable: true }) invalidatedAt: Date | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) invalidatedReason: string | null;
}
