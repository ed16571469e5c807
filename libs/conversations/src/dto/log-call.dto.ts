import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CallOutcome } from '../entities/call.entity';

// An officer's record of a call they made to the beneficiary (usually a call-back after a missed call).
export class LogCallDto {
  @ApiProperty({ enum: CallOutcome, example: CallOutcome.Answered }) @IsEnum(CallOutcome) outcome: CallOutcome;
  @ApiPropertyOptional({ description: 'When the call started; defaults to now' }) @IsOptional() @IsDateString() startedAt?: string;
  @ApiPropertyOptional({ example: 180 }) @IsOptional() @IsInt() @Min(0) @Max(86_400) durationSeconds?: number;
  @ApiPropertyOptional({ example: 'تم التواصل مع المستفيد وشرح إجراءات لجنة البحث' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}
