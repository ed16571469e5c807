import { IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';

export const UNIFONIC_DEFAULT_API_BASE_URL = 'https://el.cloud.unifonic.com';
export const UNIFONIC_SECRET_FIELDS = ['appSid'] as const;

export class UnifonicSmsSettingsDto {
  @IsString() @IsNotEmpty() @MaxLength(200) appSid: string;
  // CST rules: a registered alphanumeric sender of at most 11 characters; numeric senders are refused.
  @IsString()
  @Matches(/^(?=.*[A-Za-z])[A-Za-z0-9 .-]{1,11}$/, { message: 'must be a registered sender name of at most 11 characters' })
  senderId: string;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) apiBaseUrl?: string;
}
