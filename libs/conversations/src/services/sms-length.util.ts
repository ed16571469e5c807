import { ChannelKind, measureSms, SmsLength } from '@app/channels';
import { ApiException } from '@app/common';

export interface SmsLengthPreview extends SmsLength {
  maxParts: number;
  withinLimit: boolean;
}

// Replies on these channels reach the beneficiary as SMS, so their length is counted in parts.
export function repliesGoOutAsSms(channel: string): boolean {
  return channel === ChannelKind.Sms || channel === ChannelKind.Voice;
}

export function previewSmsLength(text: string, maxParts: number): SmsLengthPreview {
  const length = measureSms(text);
  return { ...length, maxParts, withinLimit: length.segments <= maxParts };
}

export function assertSmsWithinLimit(channel: string, text: string, maxParts: number): void {
  if (!repliesGoOutAsSms(channel)) return;
  const preview = previewSmsLength(text, maxParts);
  if (!preview.withinLimit) {
    throw ApiException.validation([
      { field: 'text', message: `needs ${preview.segments} SMS parts (${preview.encoding}); the most allowed is ${maxParts}` },
    ]);
  }
}
