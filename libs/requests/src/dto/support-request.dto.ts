import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CommitteeOutcome } from '../entities/support-request.entity';
import { RequestSource, RequestState } from '../state/request-state.enum';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export class NewContactDto {
  @ApiProperty({ example: 'سارة القحطاني' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional({ example: '0551234567', description: 'Typed by staff: kept unverified (a claim)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;
}

export class CreateSupportRequestDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() typeId: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Open it from this conversation: its contact, answered there' })
  @IsOptional()
  @IsUUID()
  conversationId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing contact (walk-in or branch)' })
  @IsOptional()
  @IsUUID()
  contactId?: string;
  @ApiPropertyOptional({ type: NewContactDto, description: 'A new person (walk-in or branch)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewContactDto)
  contact?: NewContactDto;
  @ApiPropertyOptional({
    enum: [RequestSource.WalkIn, RequestSource.Branch],
    description: 'Without a conversation: walk_in (default) or branch',
  })
  @IsOptional()
  @IsIn([RequestSource.WalkIn, RequestSource.Branch])
  source?: RequestSource.WalkIn | RequestSource.Branch;
  @ApiPropertyOptional({ format: 'uuid', description: 'The branch office (a team of kind branch) for source branch' })
  @IsOptional()
  @IsUUID()
  branchTeamId?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Field values by key' })
  @IsOptional()
  @IsObject()
  values?: Record<string, unknown>;
}

export const REQUEST_VIEWS = ['mine', 'intake', 'research', 'committee', 'deadlines', 'all'] as const;
export type RequestListView = (typeof REQUEST_VIEWS)[number];

export class ListSupportRequestsQuery {
  @ApiPropertyOptional({ enum: REQUEST_VIEWS, default: 'all' }) @IsOptional() @IsIn(REQUEST_VIEWS) view?: RequestListView;
  @ApiPropertyOptional({ enum: RequestState, enumName: 'RequestState' }) @IsOptional() @IsEnum(RequestState) state?: RequestState;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() contactId?: string;
  @ApiPropertyOptional({ description: 'A request number or the beneficiary’s name' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class UpdateValuesDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Field values by key; null removes one' })
  @IsObject()
  values: Record<string, unknown>;
}

export class UpdateDocumentDto {
  @ApiProperty({ type: String, nullable: true, example: '2027-03-01', description: 'Riyadh day the document expires' })
  @ValidateIf((_dto, value) => value !== null)
  @Matches(ISO_DAY, { message: 'expiresOn must be a day as YYYY-MM-DD' })
  expiresOn: string | null;
}

export class ReferDto {
  @ApiProperty({ format: 'uuid', description: 'The social-research officer' }) @IsUUID() researcherId: string;
  @ApiPropertyOptional({ example: 'الأسرة تحتاج شرح شروط الدعم وزيارة منزلية' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ReturnReferralDto {
  @ApiProperty({ example: 'صورة عقد الإيجار غير واضحة' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(2000)
  reason: string;
}

export class RecordFindingsDto {
  @ApiProperty({ example: '2026-01-20' }) @Matches(ISO_DAY, { message: 'homeVisitDate must be a day as YYYY-MM-DD' }) homeVisitDate: string;
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'findings must not be blank' }) @MaxLength(10_000) findings: string;
  @ApiProperty() @IsString() @Matches(/\S/, { message: 'recommendation must not be blank' }) @MaxLength(4000) recommendation: string;
}

export class AttestInPersonDto {
  @ApiProperty({ example: '123456', description: 'The code the beneficiary received and read out' })
  @IsString()
  @Matches(/^[0-9٠-٩]{6}$/, { message: 'code must be the 6 digits sent by SMS' })
  code: string;
}

export class CommitteeVoteDto {
  @ApiProperty({ enum: CommitteeOutcome, enumName: 'CommitteeOutcome' }) @IsEnum(CommitteeOutcome) outcome: CommitteeOutcome;
  @ApiPropertyOptional({ example: 'سلة غذائية شهرية', description: 'Approved: the service' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  service?: string;
  @ApiPropertyOptional({ example: 1500, description: 'Approved: the amount in Saudi riyals' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10_000_000)
  amount?: number;
  @ApiPropertyOptional({ description: 'Rejected or more information: why' }) @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class DeliverServiceDto {
  @ApiProperty({ example: 'سلة غذائية' })
  @IsString()
  @Matches(/\S/, { message: 'description must not be blank' })
  @MaxLength(300)
  description: string;
  @ApiProperty({ example: '2026-02-01' }) @Matches(ISO_DAY, { message: 'deliveredOn must be a day as YYYY-MM-DD' }) deliveredOn: string;
  @ApiPropertyOptional({ example: 350, description: 'Saudi riyals' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10_000_000)
  amount?: number;
  @ApiPropertyOptional({ example: 1 }) @IsOptional() @IsInt() @Min(1) @Max(100_000) quantity?: number;
}

export class StaffMessageDto {
  @ApiProperty({ example: 'السلام عليكم، نرجو تحديد موعد مناسب للزيارة المنزلية.' })
  @IsString()
  @Matches(/\S/, { message: 'text must not be blank' })
  @MaxLength(2000)
  text: string;
}
