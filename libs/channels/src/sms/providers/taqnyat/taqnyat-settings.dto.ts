import { IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';

export const TAQNYAT_DEFAULT_API_BASE_URL = 'https://api.taqnyat.sa';
export const TAQNYAT_SECRET_FIELDS = ['apiToken'] as const;

export class TaqnyatSmsSettingsDto {
  @IsString() @IsNotEmpty() @MaxLength(500) apiToken: string;
  @IsString()
  @Matches(/^(?=.*[A-Za-z])[A-Za-z0-9 .-]{1,11}$/, { message: 'must be an active sender name of at most 11 characters' })
  sender: string;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) apiBaseUrl?: string;
}
