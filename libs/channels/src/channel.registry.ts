import { ApiException } from '@app/common';
import { API_CHANNEL } from './api/api-channel.definition';
import { ChannelDefinition, OutboundContext } from './channel-definition';
import { ChannelError, ChannelErrorCode } from './channel-error';
import { ChannelKind } from './channel-kind.enum';
import { TELEGRAM_CHANNEL } from './telegram/telegram-channel.definition';
import { INSTAGRAM_CHANNEL } from './instagram/instagram-channel.definition';
import { MESSENGER_CHANNEL } from './messenger/messenger-channel.definition';
import { LOG_SMS_CHANNEL } from './sms/providers/log/log-sms.definition';
import { MSEGAT_SMS_CHANNEL } from './sms/providers/msegat/msegat-sms.definition';
import { TAQNYAT_SMS_CHANNEL } from './sms/providers/taqnyat/taqnyat-sms.definition';
import { TWILIO_SMS_CHANNEL } from './sms/providers/twilio/twilio-sms.definition';
import { UNIFONIC_SMS_CHANNEL } from './sms/providers/unifonic/unifonic-sms.definition';
import { TWILIO_VOICE_CHANNEL } from './voice/providers/twilio/twilio-voice.definition';
import { WALK_IN_CHANNEL } from './walk-in/walk-in-channel.definition';
import { INTERNAL_CHANNEL } from './internal/internal-channel.definition';
import { WEB_FORM_CHANNEL } from './web-form/web-form-channel.definition';
import { OutboundChannelAdapter } from './outbound-channel.adapter';
import { WEB_CHAT_CHANNEL } from './webchat/webchat-channel.definition';
import { WHATSAPP_CLOUD_CHANNEL } from './whatsapp/providers/cloud/whatsapp-cloud.definition';
import { WHATSAPP_WEB_CHANNEL } from './whatsapp/providers/web/whatsapp-web.definition';

// Every channel Wasl speaks: a kind and its providers, each one definition in its own folder (see the header of
// channel-definition.ts). A new provider is its folder and one line here; a kind without a definition does not
// compile. The gateway checks at boot that every definition is complete and every webhook route is mounted.
export const CHANNELS: Record<ChannelKind, readonly ChannelDefinition[]> = {
  [ChannelKind.Api]: [API_CHANNEL],
  [ChannelKind.WebChat]: [WEB_CHAT_CHANNEL],
  [ChannelKind.Sms]: [TWILIO_SMS_CHANNEL, UNIFONIC_SMS_CHANNEL, TAQNYAT_SMS_CHANNEL, MSEGAT_SMS_CHANNEL, LOG_SMS_CHANNEL],
  [ChannelKind.Voice]: [TWILIO_VOICE_CHANNEL],
  [ChannelKind.WalkIn]: [WALK_IN_CHANNEL],
  [ChannelKind.WhatsApp]: [WHATSAPP_CLOUD_CHANNEL, WHATSAPP_WEB_CHANNEL],
  [ChannelKind.Telegram]: [TELEGRAM_CHANNEL],
  [ChannelKind.Messenger]: [MESSENGER_CHANNEL],
  [ChannelKind.Instagram]: [INSTAGRAM_CHANNEL],
  [ChannelKind.Internal]: [INTERNAL_CHANNEL],
  [ChannelKind.WebForm]: [WEB_FORM_CHANNEL],
};

export function allChannelDefinitions(): ChannelDefinition[] {
  return Object.values(CHANNELS).flat();
}

export function isChannelKind(value: unknown): value is ChannelKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CHANNELS, value);
}

// The definition of a stored inbox, or undefined when this build does not know its kind or provider.
export function findChannelDefinition(kind: string, provider: string | null | undefined): ChannelDefinition | undefined {
  if (!isChannelKind(kind)) return undefined;
  return CHANNELS[kind].find((definition) => definition.provider === (provider ?? null));
}

// For the outbound worker: an inbox this build cannot serve is a configuration error, never a silent no-op.
export function requireChannelDefinition(kind: string, provider: string | null | undefined): ChannelDefinition {
  const definition = findChannelDefinition(kind, provider);
  if (!definition)
    throw new ChannelError(ChannelErrorCode.AuthInvalid, `No channel ${kind}${provider ? `/${provider}` : ''} in this build`);
  return definition;
}

// For inbox creation: the definition an administrator asked for, or a 400 naming what is wrong.
export function chosenChannelDefinition(kind: ChannelKind, provider: string | undefined): ChannelDefinition {
  const definitions = CHANNELS[kind];
  if (!definitions) throw ApiException.validation([{ field: 'channel', message: `must be one of ${Object.keys(CHANNELS).join(', ')}` }]);
  const definition = definitions.find((candidate) => candidate.provider === (provider ?? null));
  if (definition) return definition;
  const providers = definitions.flatMap((candidate) => (candidate.provider ? [candidate.provider] : []));
  if (providers.length === 0) throw ApiException.validation([{ field: 'provider', message: `must not be set for ${kind}` }]);
  const message = providers.length === 1 ? `must be ${providers[0]}` : `must be one of ${providers.join(', ')}`;
  throw ApiException.validation([{ field: 'provider', message }]);
}

// A fresh adapter from the inbox's stored credentials for every send, so nothing is shared between inboxes.
export function createOutboundAdapter(kind: string, provider: string | null | undefined, context: OutboundContext): OutboundChannelAdapter {
  const definition = requireChannelDefinition(kind, provider);
  if (!definition.outbound) throw new ChannelError(ChannelErrorCode.AuthInvalid, `${definition.title} cannot send messages`);
  return definition.outbound(context);
}
