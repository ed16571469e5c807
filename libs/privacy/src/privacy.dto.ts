import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

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
