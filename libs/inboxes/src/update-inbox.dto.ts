import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

// A disabled inbox keeps its conversations; its webhooks and web chat are refused until it is enabled again.
export class UpdateInboxDto {
  @ApiPropertyOptional({ example: 'تطبيق الجمعية' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ description: 'false refuses the inbox’s webhooks and web chat' }) @IsOptional() @IsBoolean() active?: boolean;
}
