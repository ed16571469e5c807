import { validateInput } from '@app/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { withWorkingHoursDefaults } from '../working-hours/working-hours-defaults.util';
import { WorkingHours, WorkingHoursDto } from '../working-hours/working-hours.dto';

export type PreChatFieldRule = 'required' | 'optional' | 'hidden';
const FIELD_RULES: PreChatFieldRule[] = ['required', 'optional', 'hidden'];

export class PreChatSettingsDto {
  @IsOptional() @IsIn(FIELD_RULES) name?: PreChatFieldRule;
  @IsOptional() @IsIn(FIELD_RULES) phone?: PreChatFieldRule;
  @IsOptional() @IsIn(FIELD_RULES) email?: PreChatFieldRule;
}

// A visitor who typed a mobile number can prove it is theirs with a code sent by SMS from this inbox of the
// same organisation; only then does the visitor join that number's conversations.
export class PhoneVerificationSettingsDto {
  @IsUUID() smsInboxId: string;
}

// The web-chat part of an inbox's free `settings` object.
export class WebChatSettingsDto {
  // Sites allowed to embed the widget, as origins ("https://example.org"); the gateway's own origin is always allowed.
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(200, { each: true }) allowedOrigins?: string[];
  @IsOptional() @ValidateNested() @Type(() => PreChatSettingsDto) preChat?: PreChatSettingsDto;
  @IsOptional() @ValidateNested() @Type(() => WorkingHoursDto) workingHours?: WorkingHoursDto;
  @IsOptional() @IsString() @MaxLength(1000) offlineMessage?: string;
  @IsOptional() @IsString() @MaxLength(500) greeting?: string;
  @IsOptional() @ValidateNested() @Type(() => PhoneVerificationSettingsDto) phoneVerification?: PhoneVerificationSettingsDto;
}

export interface WebChatSettings {
  allowedOrigins: string[];
  preChat: Required<Record<keyof PreChatSettingsDto, PreChatFieldRule>>;
  workingHours?: WorkingHours;
  offlineMessage?: string;
  greeting?: string;
  phoneVerification?: { smsInboxId: string };
}

// Settings are stored as the administrator sent them; this validates them (400 naming each field) and fills defaults.
export function parseWebChatSettings(settings: unknown): WebChatSettings {
  const dto = validateInput(WebChatSettingsDto, settings ?? {});
  return {
    allowedOrigins: (dto.allowedOrigins ?? []).map((origin) => origin.trim().replace(/\/+$/, '').toLowerCase()),
    preChat: { name: dto.preChat?.name ?? 'required', phone: dto.preChat?.phone ?? 'required', email: dto.preChat?.email ?? 'optional' },
    workingHours: dto.workingHours ? withWorkingHoursDefaults(dto.workingHours) : undefined,
    offlineMessage: dto.offlineMessage,
    greeting: dto.greeting,
    phoneVerification: dto.phoneVerification ? { smsInboxId: dto.phoneVerification.smsInboxId.toLowerCase() } : undefined,
  };
}
