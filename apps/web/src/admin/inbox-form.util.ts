import type { FieldProblem } from '../api/api-client';

export type InboxChannel = 'webchat' | 'api' | 'sms' | 'voice';
export type SmsProvider = 'twilio' | 'unifonic' | 'taqnyat' | 'log';
export type PreChatRule = 'required' | 'optional' | 'hidden';

export const INBOX_CHANNELS: InboxChannel[] = ['webchat', 'api', 'sms', 'voice'];
export const SMS_PROVIDERS: SmsProvider[] = ['twilio', 'unifonic', 'taqnyat', 'log'];
export const PRE_CHAT_RULES: PreChatRule[] = ['required', 'optional', 'hidden'];

// Every field of the create-inbox form as the inputs hold it (text); buildCreateInboxBody turns it into the API's body.
export interface InboxFormValues {
  channel: InboxChannel;
  name: string;
  callbackUrl: string;
  smsProvider: SmsProvider;
  allowedOrigins: string;
  preChatName: PreChatRule;
  preChatPhone: PreChatRule;
  preChatEmail: PreChatRule;
  greeting: string;
  offlineMessage: string;
  workingHoursEnabled: boolean;
  timeZone: string;
  workingDays: number[];
  workingFrom: string;
  workingTo: string;
  verificationSmsInboxId: string;
  accountSid: string;
  authToken: string;
  phoneNumber: string;
  messagingServiceSid: string;
  appSid: string;
  senderId: string;
  apiToken: string;
  sender: string;
  apiBaseUrl: string;
  forwardTo: string;
  voiceGreeting: string;
  voicemailPrompt: string;
}

export function emptyInboxForm(): InboxFormValues {
  return {
    channel: 'webchat',
    name: '',
    callbackUrl: '',
    smsProvider: 'twilio',
    allowedOrigins: '',
    preChatName: 'required',
    preChatPhone: 'required',
    preChatEmail: 'optional',
    greeting: '',
    offlineMessage: '',
    workingHoursEnabled: false,
    timeZone: 'Asia/Riyadh',
    // The Saudi working week: Sunday (0) to Thursday (4).
    workingDays: [0, 1, 2, 3, 4],
    workingFrom: '08:00',
    workingTo: '16:00',
    verificationSmsInboxId: '',
    accountSid: '',
    authToken: '',
    phoneNumber: '',
    messagingServiceSid: '',
    appSid: '',
    senderId: '',
    apiToken: '',
    sender: '',
    apiBaseUrl: '',
    forwardTo: '',
    voiceGreeting: '',
    voicemailPrompt: '',
  };
}

// The form's fields with the stored settings of an inbox (PATCH sends them back; credentials are never stored in
// `settings`, so they start blank and a blank one is kept by the server).
export function inboxFormValuesOf(inbox: { name: string; channel: string; provider: string | null; settings: Record<string, unknown> }) {
  const settings = inbox.settings;
  const text = (key: string): string => (typeof settings[key] === 'string' ? (settings[key] as string) : '');
  const lines = (key: string): string => (Array.isArray(settings[key]) ? (settings[key] as unknown[]).map(String).join('\n') : '');
  const preChat = (settings.preChat ?? {}) as Partial<Record<'name' | 'phone' | 'email', PreChatRule>>;
  const hours = settings.workingHours as { timeZone?: string; days?: number[]; from?: string; to?: string } | undefined;
  const verification = settings.phoneVerification as { smsInboxId?: string } | undefined;
  const empty = emptyInboxForm();
  const values: InboxFormValues = {
    ...empty,
    channel: (INBOX_CHANNELS as string[]).includes(inbox.channel) ? (inbox.channel as InboxChannel) : empty.channel,
    name: inbox.name,
    callbackUrl: text('callbackUrl'),
    smsProvider: (SMS_PROVIDERS as string[]).includes(inbox.provider ?? '') ? (inbox.provider as SmsProvider) : empty.smsProvider,
    allowedOrigins: lines('allowedOrigins'),
    preChatName: preChat.name ?? empty.preChatName,
    preChatPhone: preChat.phone ?? empty.preChatPhone,
    preChatEmail: preChat.email ?? empty.preChatEmail,
    offlineMessage: text('offlineMessage'),
    workingHoursEnabled: hours !== undefined,
    timeZone: hours?.timeZone ?? empty.timeZone,
    workingDays: hours?.days ?? empty.workingDays,
    workingFrom: hours?.from ?? empty.workingFrom,
    workingTo: hours?.to ?? empty.workingTo,
    verificationSmsInboxId: verification?.smsInboxId ?? '',
    accountSid: text('accountSid'),
    phoneNumber: text('phoneNumber'),
    messagingServiceSid: text('messagingServiceSid'),
    senderId: text('senderId'),
    sender: text('sender'),
    apiBaseUrl: text('apiBaseUrl'),
    forwardTo: lines('forwardTo'),
  };
  // Web chat and voice both call it "greeting"; the form keeps them apart.
  if (values.channel === 'voice') {
    values.voiceGreeting = text('greeting');
    values.voicemailPrompt = text('voicemailPrompt');
  } else values.greeting = text('greeting');
  return values;
}

// The settings keys each kind of inbox shows in the form. Any other stored key (set through the API, such as a
// voice inbox's working hours) is sent back untouched, since an edit replaces the whole settings object.
const FORM_SETTINGS_KEYS: Record<InboxChannel, string[]> = {
  api: ['callbackUrl'],
  webchat: ['allowedOrigins', 'preChat', 'greeting', 'offlineMessage', 'workingHours', 'phoneVerification'],
  sms: ['accountSid', 'authToken', 'phoneNumber', 'messagingServiceSid', 'appSid', 'senderId', 'apiToken', 'sender', 'apiBaseUrl'],
  voice: ['accountSid', 'authToken', 'phoneNumber', 'forwardTo', 'greeting', 'voicemailPrompt', 'apiBaseUrl'],
};

export interface UpdateInboxBody {
  name: string;
  callbackUrl?: string;
  settings?: Record<string, unknown>;
}

export function buildUpdateInboxBody(values: InboxFormValues, stored: Record<string, unknown>): UpdateInboxBody {
  const created = buildCreateInboxBody(values);
  if (values.channel === 'api') return { name: created.name, callbackUrl: created.callbackUrl };
  const kept = Object.fromEntries(Object.entries(stored).filter(([key]) => !FORM_SETTINGS_KEYS[values.channel].includes(key)));
  return { name: created.name, settings: { ...kept, ...created.settings } };
}

export interface CreateInboxBody {
  channel: InboxChannel;
  name: string;
  callbackUrl?: string;
  provider?: string;
  settings?: Record<string, unknown>;
}

function listOf(text: string): string[] {
  return text
    .split(/[\n,،]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

// Blank optional fields are left out, so the server applies its defaults instead of refusing an empty string.
function withoutBlanks(settings: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== '' && value !== undefined));
}

export function buildCreateInboxBody(values: InboxFormValues): CreateInboxBody {
  const name = values.name.trim();
  switch (values.channel) {
    case 'api':
      return { channel: 'api', name, callbackUrl: values.callbackUrl.trim() };
    case 'webchat':
      return {
        channel: 'webchat',
        name,
        settings: withoutBlanks({
          allowedOrigins: listOf(values.allowedOrigins),
          preChat: { name: values.preChatName, phone: values.preChatPhone, email: values.preChatEmail },
          greeting: values.greeting.trim(),
          offlineMessage: values.offlineMessage.trim(),
          workingHours: values.workingHoursEnabled
            ? {
                timeZone: values.timeZone.trim(),
                days: [...values.workingDays].sort((first, second) => first - second),
                from: values.workingFrom,
                to: values.workingTo,
              }
            : undefined,
          phoneVerification: values.verificationSmsInboxId ? { smsInboxId: values.verificationSmsInboxId } : undefined,
        }),
      };
    case 'sms':
      return { channel: 'sms', name, provider: values.smsProvider, settings: smsSettings(values) };
    case 'voice':
      return {
        channel: 'voice',
        name,
        provider: 'twilio',
        settings: withoutBlanks({
          accountSid: values.accountSid.trim(),
          authToken: values.authToken.trim(),
          phoneNumber: values.phoneNumber.trim(),
          forwardTo: listOf(values.forwardTo),
          greeting: values.voiceGreeting.trim(),
          voicemailPrompt: values.voicemailPrompt.trim(),
          apiBaseUrl: values.apiBaseUrl.trim(),
        }),
      };
  }
}

function smsSettings(values: InboxFormValues): Record<string, unknown> {
  const apiBaseUrl = values.apiBaseUrl.trim();
  switch (values.smsProvider) {
    case 'twilio':
      return withoutBlanks({
        accountSid: values.accountSid.trim(),
        authToken: values.authToken.trim(),
        phoneNumber: values.phoneNumber.trim(),
        messagingServiceSid: values.messagingServiceSid.trim(),
        apiBaseUrl,
      });
    case 'unifonic':
      return withoutBlanks({ appSid: values.appSid.trim(), senderId: values.senderId.trim(), apiBaseUrl });
    case 'taqnyat':
      return withoutBlanks({ apiToken: values.apiToken.trim(), sender: values.sender.trim(), apiBaseUrl });
    case 'log':
      return {};
  }
}

// The form's input for a field the API names; "settings.workingHours.timeZone" → "settings.workingHours.timeZone".
// Problems on a whole object ("settings.preChat") land on the first input under it, unknown ones on the form.
export function fieldErrorsOf(problems: FieldProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) errors[problem.field] ??= problem.message;
  return errors;
}

export function errorFor(errors: Record<string, string>, field: string): string | undefined {
  return errors[field] ?? Object.entries(errors).find(([key]) => key.startsWith(`${field}.`))?.[1];
}

export interface WebhookUrl {
  // Catalogue key of where to paste it (admin.webhooks.*).
  purpose: string;
  url: string;
}

// Where the providers must send to, as README's "SMS and phone calls" describes. Unifonic and Taqnyat do not sign
// their requests, so their URLs carry the inbox secret as ?token=.
export function webhookUrlsOf(
  origin: string,
  inbox: { id: string; channel: string; provider: string | null },
  secret: string | null,
): WebhookUrl[] {
  const base = origin.replace(/\/+$/, '');
  // Without the secret (it is never shown again) the URL says where it goes.
  const token = secret === null ? '<secret>' : encodeURIComponent(secret);
  if (inbox.channel === 'api') return [{ purpose: 'apiMessages', url: `${base}/webhooks/api/${inbox.id}/messages` }];
  if (inbox.channel === 'voice' && inbox.provider === 'twilio') {
    return [
      { purpose: 'twilioVoice', url: `${base}/webhooks/twilio/${inbox.id}/voice` },
      { purpose: 'twilioVoiceStatus', url: `${base}/webhooks/twilio/${inbox.id}/voice/status` },
    ];
  }
  if (inbox.channel !== 'sms') return [];
  switch (inbox.provider) {
    case 'twilio':
      return [{ purpose: 'twilioSms', url: `${base}/webhooks/twilio/${inbox.id}/sms` }];
    case 'unifonic':
      return [
        { purpose: 'unifonicSms', url: `${base}/webhooks/unifonic/${inbox.id}/sms?token=${token}` },
        { purpose: 'unifonicDeliveryReports', url: `${base}/webhooks/unifonic/${inbox.id}/delivery-reports?token=${token}` },
      ];
    case 'taqnyat':
      return [{ purpose: 'taqnyatSms', url: `${base}/webhooks/taqnyat/${inbox.id}/sms?token=${token}` }];
    default:
      return [];
  }
}

export function embedSnippetOf(origin: string, inboxId: string): string {
  return `<script src="${origin.replace(/\/+$/, '')}/widget.js" data-inbox="${inboxId}"></script>`;
}
