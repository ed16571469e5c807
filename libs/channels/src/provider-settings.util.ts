import { ApiException, FieldProblem, JsonObject, outboundUrlProblem, toFieldProblems } from '@app/common';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ChannelKind } from './channel-kind.enum';
import { parseWebChatSettings } from './webchat/webchat-settings.dto';
import { SmsProvider } from './sms/sms-provider.enum';
import { isSmsProvider, SMS_PROVIDERS } from './sms/sms-provider.registry';
import { TwilioVoiceSettingsDto, VOICE_DEFAULT_API_BASE_URL, VOICE_SECRET_FIELDS } from './voice/twilio-voice-settings.dto';

export interface PreparedChannelSettings {
  provider: string | null;
  // Returned by the API.
  settings: JsonObject;
  // Sealed with the inbox; never returned.
  secrets: Record<string, string>;
}

export interface OutboundUrlPolicy {
  // The deployment's OUTBOUND_ALLOW_PRIVATE_NETWORKS: only the sandbox and tests may name private addresses.
  allowPrivateNetworks: boolean;
}

function validated(
  type: ClassConstructor<object>,
  input: JsonObject,
  secretFields: readonly string[],
  policy: OutboundUrlPolicy,
  defaultApiBaseUrl?: string,
) {
  const instance = plainToInstance(type, input);
  // forbidUnknownValues off: a provider with no settings at all (log) has a class without decorators.
  const problems = toFieldProblems(validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false }));
  // Wasl calls the provider there with the inbox's credentials; host names are checked again at every send.
  const apiBaseUrl = (instance as { apiBaseUrl?: unknown }).apiBaseUrl;
  const urlProblem = typeof apiBaseUrl === 'string' ? outboundUrlProblem(apiBaseUrl, policy) : undefined;
  if (urlProblem && !problems.some((problem) => problem.field === 'apiBaseUrl')) {
    problems.push({ field: 'apiBaseUrl', message: urlProblem });
  }
  if (problems.length > 0) {
    throw ApiException.validation(problems.map((problem) => ({ ...problem, field: `settings.${problem.field}` })));
  }
  const clean = JSON.parse(JSON.stringify(instance)) as JsonObject;
  const secrets: Record<string, string> = {};
  for (const field of secretFields) {
    if (typeof clean[field] === 'string') secrets[field] = clean[field] as string;
    delete clean[field];
  }
  if (defaultApiBaseUrl && clean.apiBaseUrl === undefined) clean.apiBaseUrl = defaultApiBaseUrl;
  if (typeof clean.apiBaseUrl === 'string') clean.apiBaseUrl = clean.apiBaseUrl.replace(/\/+$/, '');
  return { settings: clean, secrets };
}

function providerProblem(message: string): ApiException {
  return ApiException.validation([{ field: 'provider', message } satisfies FieldProblem]);
}

// Channel- and provider-specific checks for a new inbox. Channels without provider settings pass through untouched.
export function prepareChannelSettings(
  channel: ChannelKind,
  provider: string | undefined,
  settings: JsonObject,
  policy: OutboundUrlPolicy,
): PreparedChannelSettings {
  switch (channel) {
    case ChannelKind.Sms: {
      if (!isSmsProvider(provider)) throw providerProblem(`must be one of ${Object.values(SmsProvider).join(', ')}`);
      const definition = SMS_PROVIDERS[provider];
      return { provider, ...validated(definition.settings, settings, definition.secretFields, policy, definition.defaultApiBaseUrl) };
    }
    case ChannelKind.Voice: {
      if (provider !== SmsProvider.Twilio) throw providerProblem('must be twilio');
      return { provider, ...validated(TwilioVoiceSettingsDto, settings, VOICE_SECRET_FIELDS, policy, VOICE_DEFAULT_API_BASE_URL) };
    }
    case ChannelKind.WebChat: {
      // Checked now so an administrator hears about a bad origin list at once, not from a refused visitor.
      try {
        parseWebChatSettings(settings);
      } catch (error) {
        if (!(error instanceof ApiException)) throw error;
        const fields = ((error.getResponse() as { fields?: FieldProblem[] }).fields ?? []).map((problem) => ({
          field: `settings.${problem.field}`,
          message: problem.message,
        }));
        throw ApiException.validation(fields);
      }
      return { provider: provider ?? null, settings, secrets: {} };
    }
    default:
      return { provider: provider ?? null, settings, secrets: {} };
  }
}
