import { GuardedHttpClient } from '@app/common';
import { SendResult } from '../channel-message.types';

export interface OutboundSms {
  messageId: string;
  // E.164 with the plus sign; each adapter formats it the way its vendor wants.
  to: string;
  text: string;
  // Where the provider should post delivery reports for this message, when it supports per-message URLs.
  statusCallbackUrl?: string;
  // Public links the provider fetches the files from (MMS); only providers whose definition allows files get any.
  mediaUrls?: string[];
}

export interface SmsAdapterContext {
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  timeoutMs: number;
  // Every provider call goes through it: apiBaseUrl is an administrator's input.
  http: GuardedHttpClient;
}

// One interface for every SMS provider. An adapter maps Wasl's message to the vendor call and the vendor's
// failures to ChannelError codes; it never touches the database or knows which organisation it serves.
export interface SmsChannelAdapter {
  send(message: OutboundSms): Promise<SendResult>;
}
