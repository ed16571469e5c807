import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { FeedbackType, InternalPriority, RequestKind } from './request-kind.enum';

export const KIND_STATES = [
  'new',
  'interview',
  'accepted',
  'declined',
  'received',
  'in_review',
  'acted_on',
  'closed',
  'open',
  'in_progress',
  'done',
] as const;
// Tags are short words an officer types: letters (any script), digits, dashes and underscores.
const TAG = /^[\p{L}\p{N}_-]{1,40}$/u;

export class KindRequestSettingsDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The team that receives volunteering applications' })
  @IsOptional()
  @IsUUID()
  volunteeringTeamId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The team that works suggestions and complaints' })
  @IsOptional()
  @IsUUID()
  feedbackTeamId?: string | null;
}

export class CaptureFeedbackDto {
  @ApiProperty({ format: 'uuid', description: 'The conversation it was said in; its contact is the sender' })
  @IsUUID()
  conversationId: string;
  @ApiProperty({ enum: FeedbackType, enumName: 'FeedbackType' }) @IsEnum(FeedbackType) feedbackType: FeedbackType;
  @ApiProperty({ example: 'تأخر الرد على اتصالي ثلاثة أيام' }) @IsString() @IsNotEmpty() @MaxLength(4_000) details: string;
  @ApiPropertyOptional({ type: [String], example: ['الاتصالات'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(TAG, { each: true, message: 'each tag must be 1 to 40 letters, digits, - or _' })
  tags?: string[];
}

export class CreateInternalRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The team (department) asked' }) @IsUUID() teamId: string;
  @ApiProperty({ example: 'تجهيز قاعة المقابلات' }) @IsString() @IsNotEmpty() @MaxLength(200) subject: string;
  @ApiProperty({ example: 'نحتاج القاعة يوم الأحد القادم من التاسعة إلى الحادية عشرة' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4_000)
  details: string;
  @ApiPropertyOptional({ enum: InternalPriority, enumName: 'InternalPriority', default: InternalPriority.Normal })
  @IsOptional()
  @IsEnum(InternalPriority)
  priority?: InternalPriority;
}

export class KindActionDto {
  @ApiProperty({ example: 'accept', description: 'One action of the kind\u2019s state machine' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(30)
  action: string;
  @ApiPropertyOptional({ description: 'What the person is told (required to act on feedback)' })
  @IsOptional()
  @IsString()
  @MaxLength(1_000)
  reply?: string;
  @ApiPropertyOptional({ description: 'A note for the timeline' }) @IsOptional() @IsString() @MaxLength(1_000) note?: string;
}

export class UpdateTagsDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(TAG, { each: true, message: 'each tag must be 1 to 40 letters, digits, - or _' })
  tags: string[];
}

export class ListKindRequestsQuery {
  @ApiProperty({ enum: RequestKind, enumName: 'RequestKind' }) @IsEnum(RequestKind) kind: RequestKind;
  @ApiPropertyOptional({ enum: KIND_STATES }) @IsOptional() @IsIn(KIND_STATES) state?: string;
  @ApiPropertyOptional({ enum: FeedbackType, enumName: 'FeedbackType' }) @IsOptional() @IsEnum(FeedbackType) feedbackType?: FeedbackType;
  @ApiPropertyOptional() @IsOptional() @Matches(TAG, { message: 'must be a tag' }) tag?: string;
  @ApiPropertyOptional({ description: 'Internal requests: mine (opened by me) or team (asked of my teams)', enum: ['mine', 'team'] })
  @IsOptional()
  @IsIn(['mine', 'team'])
  view?: 'mine' | 'team';
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(200) limit?: number;
}
