import { PrimaryUuidColumn, SEARCH_FOLD_FUNCTION, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

// What search finds and officers quote: a bounded piece of a document with its source anchor (heading, page).
@Entity('knowledge_passages')
@Index(['organisationId', 'documentId', 'position'])
export class KnowledgePassage {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() documentId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'varchar', length: 300, nullable: true }) heading: string | null;
  @Column({ type: 'integer', nullable: true }) page: number | null;
  @Column({ type: 'text' }) text: string;
  // The heading and text as search compares them (see foldForSearch), computed by the database on insert like
  // messages.search_text, so a search reads a plain column.
  @Column({
    type: 'text',
    generatedType: 'STORED',
    asExpression: `${SEARCH_FOLD_FUNCTION}(coalesce("heading", '') || ' ' || "text")`,
    select: false,
    insert: false,
    update: false,
  })
  searchText?: string;
}
