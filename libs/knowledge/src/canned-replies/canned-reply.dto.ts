import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

export const MAX_CANNED_REPLY_LENGTH = 5_000;
// «/شكر», «/thanks»: a slash, then up to 39 letters, digits, dashes or underscores.
const SHORTCUT = /^\/[\p{L}\p{M}\p{N}_-]{1,39}$/u;

export class CreateCannedReplyDto {
  @ApiProperty({ example: 'شكر على التواصل' }) @IsString() @IsNotEmpty() @MaxLength(120) title: string;
  @ApiProperty({ example: '/شكر' })
  @IsString()
  @Matches(SHORTCUT, { message: 'must be a slash followed by 1 to 39 letters, digits, dashes or underscores, such as /شكر' })
  shortcut: string;
  @ApiProperty({ example: 'شكراً لتواصلك يا {{contact.name}}.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_CANNED_REPLY_LENGTH)
  bodyAr: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Thank you for contacting us, {{contact.name}}.' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(MAX_CANNED_REPLY_LENGTH)
  bodyEn?: string | null;
}

export class UpdateCannedReplyDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(120) title?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(SHORTCUT, { message: 'must be a slash followed by 1 to 39 letters, digits, dashes or underscores, such as /شكر' })
  shortcut?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_CANNED_REPLY_LENGTH) bodyAr?: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(MAX_CANNED_REPLY_LENGTH)
  bodyEn?: string | null;
}

export class PreviewCannedReplyDto {
  @ApiProperty() @IsString() @MaxLength(MAX_CANNED_REPLY_LENGTH) body: string;
  @ApiPropertyOptional({ enum: ['ar', 'en'], default: 'ar' }) @IsOptional() @IsIn(['ar', 'en']) language?: 'ar' | 'en';
}

export class RenderCannedReplyQuery {
  @ApiPropertyOptional({ enum: ['ar', 'en'], default: 'ar', description: 'English falls back to the Arabic body when there is none' })
  @IsOptional()
  @IsIn(['ar', 'en'])
  language?: 'ar' | 'en';
}
