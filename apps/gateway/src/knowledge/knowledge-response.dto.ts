import { UserRole } from '@app/identity';
import { ExtractionStatus, KnowledgeKind, KnowledgeSource, READER_ROLES } from '@app/knowledge';
import { ApiProperty } from '@nestjs/swagger';

// Response shapes for the OpenAPI document (the web app's generated client); never instantiated.
export class KnowledgeDocumentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: KnowledgeKind, enumName: 'KnowledgeKind' }) kind: KnowledgeKind;
  @ApiProperty({ enum: KnowledgeSource, enumName: 'KnowledgeSource' }) source: KnowledgeSource;
  @ApiProperty({ enum: ['pdf', 'docx', 'markdown', 'text'] }) format: string;
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ enum: READER_ROLES, isArray: true, description: 'Empty: all staff' }) readerRoles: UserRole[];
  @ApiProperty({ enum: ExtractionStatus, enumName: 'ExtractionStatus' }) status: ExtractionStatus;
  @ApiProperty({ type: String, nullable: true }) failureReason: string | null;
  @ApiProperty() passageCount: number;
  @ApiProperty({ type: Number, nullable: true }) pageCount: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) extractedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class KnowledgeDocumentDetailResponse extends KnowledgeDocumentResponse {
  @ApiProperty({ type: String, nullable: true, description: 'An article’s Markdown' }) body: string | null;
}

export class KnowledgePassageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() position: number;
  @ApiProperty({ type: String, nullable: true }) heading: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'PDFs only' }) page: number | null;
  @ApiProperty() text: string;
}

export class KnowledgePassageListResponse {
  @ApiProperty({ type: [KnowledgePassageResponse] }) items: KnowledgePassageResponse[];
}

export class KnowledgeSearchHitResponse {
  @ApiProperty({ format: 'uuid' }) passageId: string;
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty() documentTitle: string;
  @ApiProperty({ enum: KnowledgeKind, enumName: 'KnowledgeKind' }) documentKind: KnowledgeKind;
  @ApiProperty({ type: String, nullable: true }) heading: string | null;
  @ApiProperty({ type: Number, nullable: true }) page: number | null;
  @ApiProperty() position: number;
  @ApiProperty() text: string;
  @ApiProperty({ enum: ['phrase', 'all_words', 'some_words'] }) match: 'phrase' | 'all_words' | 'some_words';
}

export class KnowledgeSearchResponse {
  @ApiProperty({ type: [KnowledgeSearchHitResponse] }) items: KnowledgeSearchHitResponse[];
}

export class CannedReplyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: '/شكر' }) shortcut: string;
  @ApiProperty() bodyAr: string;
  @ApiProperty({ type: String, nullable: true }) bodyEn: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

const VARIABLES = ['contact.name', 'conversation.number', 'request.number', 'decision.date', 'officer.name'];

export class RenderedCannedReplyResponse {
  @ApiProperty({ description: 'Missing values are left as [____] for the officer to fill' }) text: string;
  @ApiProperty({ enum: VARIABLES, isArray: true }) missing: string[];
  @ApiProperty({ enum: ['ar', 'en'] }) language: 'ar' | 'en';
}

export class CannedReplyPreviewResponse {
  @ApiProperty() text: string;
  @ApiProperty({ enum: VARIABLES, isArray: true }) missing: string[];
  @ApiProperty({ type: [String], description: 'Unknown variables and stray braces, as the save would refuse them' }) problems: string[];
}
