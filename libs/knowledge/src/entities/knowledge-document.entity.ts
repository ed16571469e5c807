import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

// The officer's four tools as the policy names them (اللائحة الأساسية، دليل خدمات البحث الاجتماعي، دليل سياسة
// الدعم للمستفيدين، طلب دعم مستفيد), and anything else the association keeps for its staff.
export enum KnowledgeKind {
  Bylaws = 'bylaws',
  ResearchServicesGuide = 'research_services_guide',
  SupportPolicyGuide = 'support_policy_guide',
  SupportRequestForm = 'support_request_form',
  Other = 'other',
}

export enum KnowledgeSource {
  // A file an administrator uploaded (PDF, Word, Markdown or text); its bytes are in knowledge_document_files.
  Upload = 'upload',
  // Markdown written in Wasl's editor, kept in `body`.
  Article = 'article',
}

export enum ExtractionStatus {
  // Waiting for the worker to read it (again, after a change).
  Pending = 'pending',
  Ready = 'ready',
  // The file could not be read; failureReason says why.
  Failed = 'failed',
}

@Entity('knowledge_documents')
@Index(['organisationId', 'createdAt'])
export class KnowledgeDocument {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'varchar', length: 30 }) kind: KnowledgeKind;
  @Column({ type: 'varchar', length: 10 }) source: KnowledgeSource;
  @Column({ type: 'varchar', length: 10 }) format: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) fileName: string | null;
  @Column({ type: 'integer' }) sizeBytes: number;
  @Column({ type: 'text', nullable: true }) body: string | null;
  // Who may read it besides administrators, as ",officer,researcher," (so one LIKE finds a role on either database);
  // null is every member of staff.
  @Column({ type: 'varchar', length: 100, nullable: true }) readerRoles: string | null;
  @Column({ type: 'varchar', length: 10 }) status: ExtractionStatus;
  @Column({ type: 'varchar', length: 300, nullable: true }) failureReason: string | null;
  @Column({ type: 'integer', default: 0 }) passageCount: number;
  @Column({ type: 'integer', nullable: true }) pageCount: number | null;
  // Raised by every change of content; the worker writes passages only for the revision it read, so an older job
  // finishing late never replaces a newer text.
  @Column({ type: 'integer', default: 1 }) revision: number;
  @UuidColumn() createdByUserId: string;
  @UuidColumn() updatedByUserId: string;
  @TimestampColumn({ nullable: true }) extractedAt: Date | null;
  @TimestampColumn() createdAt: Date;
  @TimestampColumn() updatedAt: Date;
}
