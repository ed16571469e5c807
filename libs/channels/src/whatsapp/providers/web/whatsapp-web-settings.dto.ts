import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

// A paired phone is banned quickly when it sends like a bot (reference/channels.md §3.7): replies leave at most at
// this pace, shared by every worker.
export const WHATSAPP_WEB_DEFAULT_MESSAGES_PER_MINUTE = 12;

export class WhatsAppWebSettingsDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(60) messagesPerMinute?: number;
}
