import { IsOptional, IsString, IsUrl, Matches } from 'class-validator';

export const TELEGRAM_DEFAULT_API_BASE_URL = 'https://api.telegram.org';
export const TELEGRAM_SECRET_FIELDS = ['botToken'] as const;

// What BotFather gives the administrator; Wasl registers its own webhook with it (setWebhook, a job).
export class TelegramSettingsDto {
  @IsString() @Matches(/^\d{3,20}:[\w-]{20,100}$/, { message: 'must be the bot token BotFather gave (digits:letters)' }) botToken: string;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) apiBaseUrl?: string;
}
