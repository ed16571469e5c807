import {
  ChannelError,
  ChannelErrorCode,
  channelWebhookUrl,
  createOutboundAdapter,
  findChannelDefinition,
  OutboundChannelAdapter,
  OutboundContext,
} from '@app/channels';
import { GuardedHttpClient } from '@app/common';
import { WaslConfig } from '@app/config';
import { InboxWithSecrets } from '@app/inboxes';
import { RealtimePublisher } from '@app/realtime';
import { Injectable } from '@nestjs/common';
import { ChannelSessionsService } from './channel-sessions.service';

// Builds the sending adapter of an inbox from its channel definition, its stored settings and its decrypted
// secrets, fresh for every send. Throws ChannelError(AUTH_INVALID) for an inbox whose channel cannot send.
@Injectable()
export class OutboundAdapterFactory {
  // Callback URLs and provider base URLs are administrators' input: they reach private networks only when the
  // deployment allows it (OUTBOUND_ALLOW_PRIVATE_NETWORKS).
  private readonly http: GuardedHttpClient;

  constructor(
    private readonly realtime: RealtimePublisher,
    private readonly config: WaslConfig,
    private readonly sessions: ChannelSessionsService,
  ) {
    this.http = new GuardedHttpClient({ allowPrivateNetworks: config.channels.allowPrivateNetworks });
  }

  create(found: InboxWithSecrets, options: { reportDelivery: boolean } = { reportDelivery: true }): OutboundChannelAdapter {
    return createOutboundAdapter(found.inbox.channel, found.inbox.provider, this.contextOf(found, options));
  }

  // What a definition's parts are given to reach the provider: the inbox's settings and secrets, the guarded client.
  contextOf({ inbox, secrets }: InboxWithSecrets, options: { reportDelivery: boolean } = { reportDelivery: true }): OutboundContext {
    const webhookPrefix = findChannelDefinition(inbox.channel, inbox.provider)?.webhooks?.prefix;
    return {
      inbox: { id: inbox.id, organisationId: inbox.organisationId, provider: inbox.provider, settings: inbox.settings, secrets },
      http: this.http,
      realtime: this.realtime,
      webhookUrl: (path) => {
        if (!webhookPrefix) throw new ChannelError(ChannelErrorCode.AuthInvalid, 'This channel takes no webhooks');
        return channelWebhookUrl(this.config.http.publicUrl, webhookPrefix, inbox.id, path);
      },
      reportDelivery: options.reportDelivery,
      timeoutMs: this.config.channels.callbackTimeoutMs,
      sessions: this.sessions,
    };
  }
}
