import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { E164_PATTERN, TWILIO_DEFAULT_API_BASE_URL } from '../../../sms/providers/twilio/twilio-settings.dto';
import { WorkingHoursDto } from '../../../working-hours/working-hours.dto';

export const VOICE_DEFAULT_API_BASE_URL = TWILIO_DEFAULT_API_BASE_URL;
export const VOICE_SECRET_FIELDS = ['authToken'] as const;

export class TwilioVoiceSettingsDto {
  @IsString()
  @Matches(/^AC[0-9a-zA-Z]{32}$/, { message: 'must be a Twilio Account SID (AC followed by 32 characters)' })
  accountSid: string;
  @IsString() @IsNotEmpty() @MaxLength(200) authToken: string;
  // The Twilio number callers dial; officers' text replies on a call conversation go out from it as SMS.
  @IsOptional() @Matches(E164_PATTERN, { message: 'must be an E.164 number such as +966110000000' }) phoneNumber?: string;
  @IsArray() @ArrayMaxSize(10) @Matches(E164_PATTERN, { each: true, message: 'each must be an E.164 number' }) forwardTo: string[];
  @IsOptional() @IsString() @MaxLength(1000) greeting?: string;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) greetingAudioUrl?: string;
  @IsOptional() @IsString() @MaxLength(1000) voicemailPrompt?: string;
  @IsOptional() @IsInt() @Min(5) @Max(60) dialTimeoutSeconds?: number;
  @IsOptional() @ValidateNested() @Type(() => WorkingHoursDto) workingHours?: WorkingHoursDto;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) apiBaseUrl?: string;
}
