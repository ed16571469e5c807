import { ChannelError, ChannelErrorCode } from './channel-error';
import { ChannelKind } from './channel-kind.enum';
import { ApiChannelAdapter, ApiChannelCredentials } from './api/api-channel.adapter';
import { OutboundChannelAdapter } from './outbound-channel.adapter';

export interface AdapterContext {
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  callbackTimeoutMs: number;
}

type AdapterFactory = (context: AdapterContext) => OutboundChannelAdapter;

function notYetAvailable(kind: ChannelKind): AdapterFactory {
  return () => {
    throw new ChannelError(ChannelErrorCode.AuthInvalid, `The ${kind} channel has no outbound adapter configured`);
  };
}

// A Record over the enum: adding a ChannelKind without deciding its adapter is a compile error.
// Adapters are built fresh from stored credentials on every send, so no state is shared between inboxes.
const OUTBOUND_ADAPTERS: Record<ChannelKind, AdapterFactory> = {
  [ChannelKind.Api]: (context) =>
    new ApiChannelAdapter({
      signingSecret: context.secrets.signingSecret,
      callbackUrl: String(context.settings.callbackUrl),
      timeoutMs: context.callbackTimeoutMs,
    } satisfies ApiChannelCredentials),
  [ChannelKind.WebChat]: notYetAvailable(ChannelKind.WebChat),
  [ChannelKind.Sms]: notYetAvailable(ChannelKind.Sms),
  [ChannelKind.Voice]: notYetAvailable(ChannelKind.Voice),
  [ChannelKind.WhatsApp]: notYetAvailable(ChannelKind.WhatsApp),
  [ChannelKind.Email]: notYetAvailable(ChannelKind.Email),
  [ChannelKind.WalkIn]: notYetAvailable(ChannelKind.WalkIn),
};

export function createOutboundAdapter(kind: ChannelKind, context: AdapterContext): OutboundChannelAdapter {
  const factory = OUTBOUND_ADAPTERS[kind];
  if (!factory) throw new ChannelError(ChannelErrorCode.AuthInvalid, `Unknown channel kind ${kind}`);
  return factory(context);
}
