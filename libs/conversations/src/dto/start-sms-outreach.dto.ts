import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

// Reaching a beneficiary first, by SMS, "without them having to ask" (the policy's proactive outreach).
export class StartSmsOutreachDto {
  @ApiProperty() @IsUUID() inboxId: string;
  @ApiProperty({ example: '0551234567', description: 'Any Saudi form; stored as E.164' }) @IsString() @MaxLength(40) phone: string;
  @ApiPropertyOptional({ example: 'سارة القحطاني' }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiProperty({ example: 'تذكير: موعد مقابلة البحث الاجتماعي غداً الساعة ١٠ صباحاً' })
  @IsString()
  @Matches(/\S/, { message: 'text must not be blank' })
  @MaxLength(10_000)
  text: string;
}
