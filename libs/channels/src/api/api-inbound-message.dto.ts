import { Type } from 'class-transformer';
import { IsDefined, IsEmail, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class ApiSenderDto {
  @IsString() @IsNotEmpty() @MaxLength(200) id: string;
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsString() @MaxLength(32) phone?: string;
  @IsOptional() @IsEmail() @MaxLength(320) email?: string;
}

// POST /webhooks/api/:inboxId/messages, sent by the association's own website or app.
export class ApiInboundMessageDto {
  @IsString() @IsNotEmpty() @MaxLength(200) messageId: string;
  @IsDefined() @ValidateNested() @Type(() => ApiSenderDto) from: ApiSenderDto;
  @IsString() @IsNotEmpty() @MaxLength(10_000) text: string;
  @IsOptional() @IsISO8601() sentAt?: string;
}
