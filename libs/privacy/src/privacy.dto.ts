import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { RetentionMode } from './retention-policy.entity';

export enum ContactExportFormat {
  Json = 'json',
  Html = 'html',
}

export class ContactExportQuery {
  @ApiPropertyOptional({ enum: ContactExportFormat, default: ContactExportFormat.Json })
  @IsOptional()
  @IsIn(Object.values(ContactExportFormat))
  format?: ContactExportFormat;
}

// null clears a field; an absent field stays as it is.
export class CorrectContactDto {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, value) => value !== null) @IsString() @MaxLength(200) name?:
    string | null;
  @ApiPropertyOptional({ nullable: true, description: 'A Saudi or international number; stored unverified' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(30)
  phone?: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Stored unverified' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEmail()
  @MaxLength(320)
  email?: string | null;
}

export class EraseContactDto {
  @ApiProperty({ enum: ['delete', 'anonymise'] }) @IsIn(['delete', 'anonymise']) mode: 'delete' | 'anonymise';
  @ApiProperty({ description: 'The contact id again, so an erasure is never one mistaken click' }) @IsUUID() confirm: string;
}

// Up to ten years; null turns that part of retention off.
export class RetentionSettingsDto {
  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 120 })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(120)
  resolvedConversationMonths?: number | null;
  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 120 })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(120)
  rawPayloadMonths?: number | null;
  @ApiPropertyOptional({ enum: RetentionMode }) @IsOptional() @IsIn(Object.values(RetentionMode)) mode?: RetentionMode;
}
