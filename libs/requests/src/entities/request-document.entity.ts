import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

// A document uploaded for one of the request type's required documents (or an extra one). The bytes live in the
// file store (RequestFileStore); the row keeps their SHA-256, which the attestation covers.
@Entity('request_documents')
@Index(['requestId', 'documentKey'])
export class RequestDocument {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() requestId: string;
  @Column({ type: 'varchar', length: 60 }) documentKey: string;
  @Column({ type: 'varchar', length: 200 }) fileName: string;
  @Column({ type: 'varchar', length: 60 }) contentType: string;
  @Column({ type: 'integer' }) size: number;
  @Column({ type: 'varchar', length: 64 }) sha256: string;
  // Where the file store keeps it, relative to its root.
  @Column({ type: 'varchar', length: 300 }) storageKey: string;
  // Riyadh day (YYYY-MM-DD) the document stops being valid, for documents that expire.
  @Column({ type: 'varchar', length: 10, nullable: true }) expiresOn: string | null;
  // Null when the beneficiary uploaded it on their signed page.
  @UuidColumn({ nullable: true }) uploadedById: string | null;
  @TimestampColumn() uploadedAt: Date;
  // Removed from the request (replaced by a newer copy or withdrawn); kept for the timeline's sake until erased.
  @TimestampColumn({ nullable: true }) removedAt: Date | null;
}
