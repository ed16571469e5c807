import { WebhookInbox } from '../../../channel-definition';
import { TWILIO_DEFAULT_API_BASE_URL } from './twilio-settings.dto';

// Twilio answers media (MMS, voicemail recordings) with the account's credentials when "HTTP basic authentication
// for media" is on. They go only to the inbox's own API origin: a URL named in a webhook never gets them elsewhere.
export function twilioMediaHeaders(inbox: WebhookInbox, url: URL): Record<string, string> {
  const accountSid = typeof inbox.settings.accountSid === 'string' ? inbox.settings.accountSid : undefined;
  const authToken = inbox.secrets.authToken;
  const base = typeof inbox.settings.apiBaseUrl === 'string' ? inbox.settings.apiBaseUrl : TWILIO_DEFAULT_API_BASE_URL;
  if (!accountSid || !authToken || url.origin !== new URL(base).origin) return {};
  return { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}` };
}
