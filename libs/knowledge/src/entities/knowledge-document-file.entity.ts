import { BinaryColumn, PrimaryUuidColumn, UuidColumn } from '@app/database';
import { Column, Entity } from 'typeorm';

// An upload's bytes, apart from the document row so lists never read them. In the database rather than on disk:
// the worker that reads the file may run on another machine than the gateway that received it.
@Entity('knowledge_document_files')
export class KnowledgeDocumentFile {
  @PrimaryUuidColumn() documentId: string;
  @UuidColumn() organisationId: string;
  @Column({ type: 'varchar', length: 100 }) contentType: string;
  @BinaryColumn() content: Buffer;
}
