import { ClassConstructor } from 'class-transformer';
import { ChannelError, ChannelErrorCode } from '../channel-error';
import { LogSmsAdapter } from './providers/log/log-sms.adapter';
import { TaqnyatSmsAdapter, taqnyatCredentialsFrom } from './providers/taqnyat/taqnyat-sms.adapter';
import { TAQNYAT_DEFAULT_API_BASE_URL, TAQNYAT_SECRET_FIELDS, TaqnyatSmsSettingsDto } from './providers/taqnyat/taqnyat-settings.dto';
import { TwilioSmsAdapter, twilioCredentialsFrom } from './providers/twilio/twilio-sms.adapter';
import { TWILIO_DEFAULT_API_BASE_URL, TWILIO_SECRET_FIELDS, TwilioSmsSettingsDto } from './providers/twilio/twilio-settings.dto';
import { UnifonicSmsAdapter, unifonicCredentialsFrom } from './providers/unifonic/unifonic-sms.adapter';
import { UNIFONIC_DEFAULT_API_BASE_URL, UNIFONIC_SECRET_FIELDS, UnifonicSmsSettingsDto } from './providers/unifonic/unifonic-settings.dto';
import { SmsAdapterContext, SmsChannelAdapter } from './sms-channel.adapter';
import { SmsProvider } from './sms-provider.enum';

export class LogSmsSettingsDto {}

export interface SmsProviderDefinition {
  // Validates the inbox's settings at creation; fields listed in secretFields are sealed, never returned.
  settings: ClassConstructor<object>;
  secretFields: readonly string[];
  defaultApiBaseUrl?: string;
  // Twilio takes a callback URL with every message; Unifonic's DLR URL is set once in its console.
  deliveryReports: 'per-message' | 'account-webhook' | 'none';
  create(context: SmsAdapterContext): SmsChannelAdapter;
}

// Pure: every call builds a fresh adapter from the inbox's stored credentials, so nothing is shared between inboxes.
export const SMS_PROVIDERS: Record<SmsProvider, SmsProviderDefinition> = {
  [SmsProvider.Twilio]: {
    settings: TwilioSmsSettingsDto,
    secretFields: TWILIO_SECRET_FIELDS,
    defaultApiBaseUrl: TWILIO_DEFAULT_API_BASE_URL,
    deliveryReports: 'per-message',
    create: (context) => new TwilioSmsAdapter(twilioCredentialsFrom(context), context.http),
  },
  [SmsProvider.Unifonic]: {
    settings: UnifonicSmsSettingsDto,
    secretFields: UNIFONIC_SECRET_FIELDS,
    defaultApiBaseUrl: UNIFONIC_DEFAULT_API_BASE_URL,
    deliveryReports: 'account-webhook',
    create: (context) => new UnifonicSmsAdapter(unifonicCredentialsFrom(context), context.http),
  },
  [SmsProvider.Taqnyat]: {
    settings: TaqnyatSmsSettingsDto,
    secretFields: TAQNYAT_SECRET_FIELDS,
    defaultApiBaseUrl: TAQNYAT_DEFAULT_API_BASE_URL,
    deliveryReports: 'none',
    create: (context) => new TaqnyatSmsAdapter(taqnyatCredentialsFrom(context), context.http),
  },
  [SmsProvider.Log]: {
    settings: LogSmsSettingsDto,
    secretFields: [],
    deliveryReports: 'none',
    create: () => new LogSmsAdapter(),
  },
};

export function isSmsProvider(value: unknown): value is SmsProvider {
  return typeof value === 'string' && (Object.values(SmsProvider) as string[]).includes(value);
}

export function createSmsAdapter(provider: string | null, context: SmsAdapterContext): SmsChannelAdapter {
  // An inbox stored with a provider this build does not know is a configuration error, never a silent no-op.
  if (!isSmsProvider(provider)) throw new ChannelError(ChannelErrorCode.AuthInvalid, `Unknown SMS provider ${provider}`);
  return SMS_PROVIDERS[provider].create(context);
}
