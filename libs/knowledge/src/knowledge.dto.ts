import { UserRole } from '@app/identity';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { KnowledgeKind } from './entities/knowledge-document.entity';

// Who may be named as a reader; administrators read everything.
export const READER_ROLES = [UserRole.Officer, UserRole.Researcher, UserRole.Committee, UserRole.Supervisor];
// Articles are written in Wasl's editor: a long guide is tens of thousands of characters.
export const MAX_ARTICLE_LENGTH = 200_000;

function commaSeparated({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.split(',').filter(Boolean) : value;
}

// An upload's fields travel in the query string beside the file's bytes in the body.
export class UploadKnowledgeDocumentQuery {
  @ApiProperty({ example: 'اللائحة الأساسية للجمعية' }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiProperty({ enum: KnowledgeKind }) @IsIn(Object.values(KnowledgeKind)) kind: KnowledgeKind;
  @ApiPropertyOptional({ description: 'Roles that may read it, comma-separated; all staff when absent', example: 'officer,researcher' })
  @IsOptional()
  @Transform(commaSeparated)
  @IsArray()
  @ArrayMaxSize(READER_ROLES.length)
  @IsIn(READER_ROLES, { each: true })
  readerRoles?: UserRole[];
}

export class CreateKnowledgeArticleDto {
  @ApiProperty({ example: 'دليل سياسة الدعم للمستفيدين' }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiProperty({ enum: KnowledgeKind }) @IsIn(Object.values(KnowledgeKind)) kind: KnowledgeKind;
  @ApiPropertyOptional({ enum: READER_ROLES, isArray: true, description: 'All staff when absent or empty' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(READER_ROLES.length)
  @IsIn(READER_ROLES, { each: true })
  readerRoles?: UserRole[];
  @ApiProperty({ description: 'Markdown' }) @IsString() @IsNotEmpty() @MaxLength(MAX_ARTICLE_LENGTH) body: string;
}

export class UpdateKnowledgeDocumentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;
  @ApiPropertyOptional({ enum: KnowledgeKind }) @IsOptional() @IsIn(Object.values(KnowledgeKind)) kind?: KnowledgeKind;
  @ApiPropertyOptional({ enum: READER_ROLES, isArray: true, nullable: true, description: 'null or empty: all staff' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsArray()
  @ArrayMaxSize(READER_ROLES.length)
  @IsIn(READER_ROLES, { each: true })
  readerRoles?: UserRole[] | null;
  @ApiPropertyOptional({ description: 'Markdown; articles only' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_ARTICLE_LENGTH)
  body?: string;
}

export class SearchKnowledgeQuery {
  @ApiProperty({ example: 'لجنه البحث', description: 'Forgives hamza forms, ta marbuta, alef maqsura, harakat and tatweel' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  q: string;
  @ApiPropertyOptional({ enum: KnowledgeKind }) @IsOptional() @IsIn(Object.values(KnowledgeKind)) kind?: KnowledgeKind;
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) limit?: number;
}
