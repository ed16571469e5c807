import { OutboundContext, RealtimeTransport } from '../channel-definition';
import { ChannelError, ChannelErrorCode } from '../channel-error';
import { OutboundMessage, SendResult } from '../channel-message.types';
import { OutboundChannelAdapter } from '../outbound-channel.adapter';
import { WebChatEvent, WebChatMessagePayload } from '@app/wire';
import { webChatVisitorRoom } from './webchat-visitor-room.util';

export interface WebChatCredentials {
  signingSecret: string;
}

// Sending to a web-chat visitor is an emit to their room; the message row is the mailbox, so a visitor who is
// offline now reads the reply from `history` when the page next opens.
export class WebChatChannelAdapter implements OutboundChannelAdapter {
  constructor(
    private readonly credentials: WebChatCredentials,
    // An emit into a /webchat room through Redis (socket.io's emitter): the visitor receives it on whichever
    // gateway instance holds their socket.
    private readonly transport: RealtimeTransport,
    // Links signed for the visitor's browser, which the widget resolves against the gateway it was loaded from.
    private readonly attachmentLink: OutboundContext['attachmentLink'],
  ) {}

  async send(message: OutboundMessage): Promise<SendResult> {
    if (!message.recipient.externalId) {
      throw new ChannelError(ChannelErrorCode.RecipientInvalid, 'The contact has no web-chat visitor id in this inbox');
    }
    const payload: WebChatMessagePayload = {
      id: message.messageId,
      text: message.text,
      sender: 'agent',
      ...(message.senderName ? { agentName: message.senderName } : {}),
      ...(message.automatic ? { automatic: true } : {}),
      createdAt: message.createdAt.toISOString(),
      ...(message.attachments?.length
        ? {
            attachments: message.attachments.map((attachment) => ({
              url: this.attachmentLink(attachment, 'visitor').url,
              contentType: attachment.contentType,
              fileName: attachment.fileName,
              sizeBytes: attachment.sizeBytes,
            })),
          }
        : {}),
    };
    try {
      this.transport.toWebChatRoom(
        webChatVisitorRoom(this.credentials.signingSecret, message.recipient.externalId),
        WebChatEvent.MessageNew,
        payload,
      );
    } catch (error) {
      throw new ChannelError(ChannelErrorCode.Temporary, `Could not publish to web chat: ${(error as Error).message}`);
    }
    return { acceptedAt: new Date() };
  }
}
