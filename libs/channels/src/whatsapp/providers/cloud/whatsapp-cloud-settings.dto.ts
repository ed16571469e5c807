import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';

export const WHATSAPP_CLOUD_SECRET_FIELDS = ['accessToken', 'appSecret', 'verifyToken'] as const;
// Meta's default throughput is 80 messages per second per number (reference/channels.md §4.6), inbound and
// outbound together; replies stay well under it by default.
export const WHATSAPP_CLOUD_DEFAULT_MESSAGES_PER_SECOND = 20;

// What the administrator copies from the Meta app (WhatsApp > API setup) and the Business Manager.
export class WhatsAppCloudSettingsDto {
  @IsString() @Matches(/^\d{5,30}$/, { message: 'must be the numeric phone number id from the Meta app' }) phoneNumberId: string;
  @IsString() @Matches(/^\d{5,30}$/, { message: 'must be the numeric WhatsApp Business account id' }) wabaId: string;
  // The number as beneficiaries see it, for the inbox page (optional).
  @IsOptional() @IsString() @MaxLength(30) displayPhoneNumber?: string;
  @IsString() @IsNotEmpty() @MaxLength(1000) accessToken: string;
  @IsString() @IsNotEmpty() @MaxLength(200) appSecret: string;
  @IsString() @Matches(/^[\x21-\x7e]{8,200}$/, { message: 'must be 8 to 200 visible characters' }) verifyToken: string;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) apiBaseUrl?: string;
  @IsOptional() @IsString() @Matches(/^v\d{1,3}\.\d$/, { message: 'must look like v23.0' }) graphApiVersion?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) messagesPerSecond?: number;
}
