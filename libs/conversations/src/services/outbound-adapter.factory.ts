import {
  ChannelError,
  ChannelErrorCode,
  channelWebhookUrl,
  createOutboundAdapter,
  findChannelDefinition,
  OutboundAttachment,
  OutboundChannelAdapter,
  OutboundContext,
  OutboundFile,
} from '@app/channels';
import { GuardedHttpClient } from '@app/common';
import { WaslConfig } from '@app/config';
import { InboxWithSecrets } from '@app/inboxes';
import { RealtimePublisher } from '@app/realtime';
import { readWholeObject } from '@app/storage';
import { Injectable } from '@nestjs/common';
import { ChannelSessionsService } from './channel-sessions.service';
import { replyFileOf, signedReplyFilePath } from './reply-attachment-link.util';
import { ReplyAttachmentsService } from './reply-attachments.service';

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
    private readonly replyAttachments: ReplyAttachmentsService,
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
      attachmentLink: (attachment, audience) => this.attachmentLink(secrets.signingSecret, attachment, audience),
      attachmentContent: (attachment) => this.attachmentContent(attachment),
    };
  }

  private async attachmentContent(attachment: OutboundAttachment): Promise<OutboundFile> {
    const file = replyFileOf(attachment.path);
    const stored = file && (await this.replyAttachments.read(file));
    if (!stored) throw new ChannelError(ChannelErrorCode.RecipientInvalid, 'The attached file is no longer stored');
    return { content: await readWholeObject(stored), contentType: attachment.contentType, fileName: attachment.fileName };
  }

  // A visitor's browser gets web chat's short lifetime and a path the widget resolves against its gateway; a provider
  // or the association's app gets an absolute URL from PUBLIC_URL that lives long enough for a queued send.
  private attachmentLink(signingSecret: string, attachment: OutboundAttachment, audience: 'visitor' | 'provider') {
    const file = replyFileOf(attachment.path);
    if (!file || !signingSecret) throw new ChannelError(ChannelErrorCode.AuthInvalid, 'A reply’s file has no stored path');
    const seconds = audience === 'visitor' ? this.config.webChat.attachmentLinkSeconds : this.config.replyAttachments.linkSeconds;
    const expiresAt = new Date(Date.now() + seconds * 1000);
    const path = signedReplyFilePath(signingSecret, file, expiresAt);
    return { url: audience === 'visitor' ? path : `${this.config.http.publicUrl.replace(/\/+$/, '')}${path}`, expiresAt };
  }
}
