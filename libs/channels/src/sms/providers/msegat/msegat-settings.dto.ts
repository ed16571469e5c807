import { IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';

export const MSEGAT_DEFAULT_API_BASE_URL = 'https://www.msegat.com/gw';
export const MSEGAT_SECRET_FIELDS = ['apiKey'] as const;

export class MsegatSmsSettingsDto {
  // The account's user name, sent with every request beside the key.
  @IsString() @IsNotEmpty() @MaxLength(200) userName: string;
  @IsString() @IsNotEmpty() @MaxLength(500) apiKey: string;
  // CST rules: a registered alphanumeric sender of at most 11 characters (Msegat M0029).
  @IsString()
  @Matches(/^(?=.*[A-Za-z])[A-Za-z0-9 .-]{1,11}$/, { message: 'must be a registered sender name of at most 11 characters' })
  userSender: string;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) apiBaseUrl?: string;
}
