import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';

export class UpdateRequestSettingsDto {
  @ApiPropertyOptional({
    description: 'Days within which the committee answers; never fewer than 14 (the policy)',
    minimum: 14,
    maximum: 180,
  })
  @IsOptional()
  @IsInt()
  @Max(180)
  answerDays?: number;
  @ApiPropertyOptional({ description: 'Committee votes needed before a majority decides', minimum: 1, maximum: 25 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(25)
  quorum?: number;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The committee member who may decide alone' })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @IsUUID()
  chairUserId?: string | null;
  @ApiPropertyOptional({ description: 'Alert the supervisor this many days before the announced answer day', minimum: 0, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  alertDaysBefore?: number;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'SMS inbox for codes and notices' })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @IsUUID()
  smsInboxId?: string | null;
}
