import { ChannelKind } from '@app/channels';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { ConversationPriority, ConversationStatus } from '../entities/conversation.entity';

export class ListConversationsQuery {
  @ApiPropertyOptional({ enum: ConversationStatus }) @IsOptional() @IsEnum(ConversationStatus) status?: ConversationStatus;
  @ApiPropertyOptional({ enum: ChannelKind }) @IsOptional() @IsEnum(ChannelKind) channel?: ChannelKind;
  @ApiPropertyOptional() @IsOptional() @IsUUID() inboxId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() assigneeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) unassigned?: 'true' | 'false';
  @ApiPropertyOptional({ description: 'Conversations carrying this label', example: 'مكالمة فائتة' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'label must not be blank' })
  @MaxLength(50)
  label?: string;
  @ApiPropertyOptional({ description: 'Text in messages, contact name or phone' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ default: 25 }) @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class CreateMessageDto {
  // Blank replies are refused unless they carry files: a message of spaces (or of characters the body parser strips)
  // says nothing (ConversationsService.addMessage names `text`).
  @ApiPropertyOptional({ example: 'وعليكم السلام، كيف نخدمك؟', description: 'May be left out or blank when attachmentIds are given' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  text?: string;
  @ApiPropertyOptional({ description: 'A private note for staff, never sent to the beneficiary' })
  @IsOptional()
  @IsBoolean()
  private?: boolean;
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      "Uploads of this conversation (POST /conversations/:id/attachments), each attached once; the channel's rule decides whether a reply may carry them",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class UpdateConversationDto {
  @ApiPropertyOptional({ enum: ConversationStatus }) @IsOptional() @IsEnum(ConversationStatus) status?: ConversationStatus;
  @ApiPropertyOptional({ enum: ConversationPriority }) @IsOptional() @IsEnum(ConversationPriority) priority?: ConversationPriority;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsUUID()
  assigneeId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsUUID()
  teamId?: string | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  labels?: string[];
}

export class AddLabelDto {
  @ApiProperty({ example: 'مساعدة سكنية' })
  @IsString()
  @Matches(/\S/, { message: 'label must not be blank' })
  @MaxLength(50)
  label: string;
}
