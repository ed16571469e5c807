import { GuardedHttpClient } from '@app/common';
import { ChannelError, ChannelErrorCode } from './channel-error';
import { ChannelKind } from './channel-kind.enum';
import { ApiChannelAdapter, ApiChannelCredentials } from './api/api-channel.adapter';
import { OutboundChannelAdapter } from './outbound-channel.adapter';
import { createSmsOutboundAdapter } from './sms/sms-outbound.adapter';
import { SmsProvider } from './sms/sms-provider.enum';
import { WebChatChannelAdapter, WebChatTransport } from './webchat/webchat-channel.adapter';

export interface AdapterContext {
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  callbackTimeoutMs: number;
  // The guarded client for callback and provider URLs; the API, SMS and voice entries need it.
  http?: GuardedHttpClient;
  // Publishes into the /webchat socket.io namespace through Redis; only the web-chat adapter uses it.
  webChat?: WebChatTransport;
  // The inbox's id and provider plus the gateway's public URL; the SMS and voice entries need them to pick the
  // provider adapter and to tell it where delivery reports come back.
  inbox?: { id: string; provider: string | null; publicUrl: string };
}

type AdapterFactory = (context: AdapterContext) => OutboundChannelAdapter;

function notYetAvailable(kind: ChannelKind): AdapterFactory {
  return () => {
    throw new ChannelError(ChannelErrorCode.AuthInvalid, `The ${kind} channel has no outbound adapter configured`);
  };
}

// Without it there is no safe way to call a configured URL, so nothing is sent.
function guardedHttpOf(context: AdapterContext): GuardedHttpClient {
  if (!context.http) throw new ChannelError(ChannelErrorCode.AuthInvalid, 'No guarded HTTP client to reach the configured URL');
  return context.http;
}

function smsOutbound(context: AdapterContext, provider: string | null): OutboundChannelAdapter {
  if (!context.inbox) throw new ChannelError(ChannelErrorCode.AuthInvalid, 'The SMS channel needs its inbox context');
  return createSmsOutboundAdapter({
    settings: context.settings,
    secrets: context.secrets,
    timeoutMs: context.callbackTimeoutMs,
    http: guardedHttpOf(context),
    inboxId: context.inbox.id,
    provider,
    publicUrl: context.inbox.publicUrl,
  });
}

// A Record over the enum: adding a ChannelKind without deciding its adapter is a compile error.
// Adapters are built fresh from stored credentials on every send, so no state is shared between inboxes.
const OUTBOUND_ADAPTERS: Record<ChannelKind, AdapterFactory> = {
  [ChannelKind.Api]: (context) =>
    new ApiChannelAdapter(
      {
        signingSecret: context.secrets.signingSecret,
        callbackUrl: String(context.settings.callbackUrl),
        timeoutMs: context.callbackTimeoutMs,
      } satisfies ApiChannelCredentials,
      guardedHttpOf(context),
    ),
  [ChannelKind.WebChat]: (context) => {
    if (!context.webChat) throw new ChannelError(ChannelErrorCode.AuthInvalid, 'The web chat channel has no realtime transport');
    return new WebChatChannelAdapter({ signingSecret: context.secrets.signingSecret }, context.webChat);
  },
  [ChannelKind.Sms]: (context) => smsOutbound(context, context.inbox?.provider ?? null),
  // An officer's written reply on a call conversation goes to the caller as an SMS from the voice number.
  [ChannelKind.Voice]: (context) => {
    if (typeof context.settings.phoneNumber !== 'string') {
      throw new ChannelError(ChannelErrorCode.AuthInvalid, 'The voice inbox has no phoneNumber to send SMS replies from');
    }
    return smsOutbound(context, SmsProvider.Twilio);
  },
  [ChannelKind.WhatsApp]: notYetAvailable(ChannelKind.WhatsApp),
  [ChannelKind.Email]: notYetAvailable(ChannelKind.Email),
  [ChannelKind.WalkIn]: notYetAvailable(ChannelKind.WalkIn),
};

export function createOutboundAdapter(kind: ChannelKind, context: AdapterContext): OutboundChannelAdapter {
  const factory = OUTBOUND_ADAPTERS[kind];
  if (!factory) throw new ChannelError(ChannelErrorCode.AuthInvalid, `Unknown channel kind ${kind}`);
  return factory(context);
}
