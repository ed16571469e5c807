import { IsOptional, IsString, IsUrl, Matches, MaxLength, IsNotEmpty } from 'class-validator';

export const MESSENGER_SECRET_FIELDS = ['pageAccessToken', 'appSecret', 'verifyToken'] as const;

// What the administrator copies from the Meta app: the Facebook page (or the Instagram professional account
// linked to it) and its page access token.
export class MessengerSettingsDto {
  @IsString() @Matches(/^\d{5,30}$/, { message: 'must be the numeric page or Instagram account id' }) accountId: string;
  @IsString() @IsNotEmpty() @MaxLength(1000) pageAccessToken: string;
  @IsString() @IsNotEmpty() @MaxLength(200) appSecret: string;
  @IsString() @Matches(/^[\x21-\x7e]{8,200}$/, { message: 'must be 8 to 200 visible characters' }) verifyToken: string;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) apiBaseUrl?: string;
  @IsOptional() @IsString() @Matches(/^v\d{1,3}\.\d$/, { message: 'must look like v23.0' }) graphApiVersion?: string;
}
