import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

// An officer starts a conversation: writes first on a channel that can reach the beneficiary ("without them
// having to ask", the policy's proactive outreach), or records a walk-in visit. The beneficiary is an existing
// contact, or a number / address the officer types.
export class StartConversationDto {
  @ApiProperty() @IsUUID() inboxId: string;
  @ApiPropertyOptional({ description: 'An existing contact' }) @IsOptional() @IsUUID() contactId?: string;
  @ApiPropertyOptional({ example: '0551234567', description: 'Any Saudi form; stored as E.164' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;
  @ApiPropertyOptional({ example: 'sara@example.org' }) @IsOptional() @IsEmail() @MaxLength(320) email?: string;
  @ApiPropertyOptional({ example: 'سارة القحطاني' }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiProperty({ example: 'تذكير: موعد مقابلة البحث الاجتماعي غداً الساعة ١٠ صباحاً' })
  @IsString()
  @Matches(/\S/, { message: 'text must not be blank' })
  @MaxLength(10_000)
  text: string;
}
