import { IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength, ValidateIf } from 'class-validator';

export const TWILIO_DEFAULT_API_BASE_URL = 'https://api.twilio.com';
export const TWILIO_SECRET_FIELDS = ['authToken'] as const;

export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

// What an admin sends when creating a Twilio SMS inbox; authToken is sealed and never returned.
export class TwilioSmsSettingsDto {
  @IsString()
  @Matches(/^AC[0-9a-zA-Z]{32}$/, { message: 'must be a Twilio Account SID (AC followed by 32 characters)' })
  accountSid: string;
  @IsString() @IsNotEmpty() @MaxLength(200) authToken: string;
  @ValidateIf((settings: TwilioSmsSettingsDto) => !settings.messagingServiceSid || settings.phoneNumber !== undefined)
  @Matches(E164_PATTERN, { message: 'must be an E.164 number such as +966110000000' })
  phoneNumber?: string;
  @IsOptional() @Matches(/^MG[0-9a-zA-Z]{32}$/, { message: 'must be a Messaging Service SID (MG…)' }) messagingServiceSid?: string;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) apiBaseUrl?: string;
}
