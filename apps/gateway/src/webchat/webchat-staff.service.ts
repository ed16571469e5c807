import { ChannelKind, webChatVisitorRoom } from '@app/channels';
import { ApiException } from '@app/common';
import { ContactsService } from '@app/contacts';
import { ConversationsService, DeliveryStatus, toMessageView, WebChatMessagesService } from '@app/conversations';
import { AuthenticatedUser } from '@app/identity';
import { InboxesService } from '@app/inboxes';
import { ConversationAudience, RealtimePublisher } from '@app/realtime';
import { RealtimeEvent, WebChatEvent, WebChatStatusPayload, WebChatTypingPayload } from '@app/wire';
import { Injectable } from '@nestjs/common';

// What officers tell a web-chat visitor besides messages: that they are typing, and that they read the messages.
@Injectable()
export class WebChatStaffService {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly inboxes: InboxesService,
    private readonly contacts: ContactsService,
    private readonly webChatMessages: WebChatMessagesService,
    private readonly realtime: RealtimePublisher,
  ) {}

  async typing(user: AuthenticatedUser, conversationId: string): Promise<void> {
    const room = await this.visitorRoom(user, conversationId);
    this.realtime.toWebChatRoom(room.room, WebChatEvent.Typing, { sender: 'agent', agentName: user.name } satisfies WebChatTypingPayload);
  }

  // Marks the visitor's messages read (status `read` on inbound rows) and shows blue ticks in the widget.
  async markRead(user: AuthenticatedUser, conversationId: string): Promise<{ read: number }> {
    const room = await this.visitorRoom(user, conversationId);
    const updated = await this.webChatMessages.markInboundRead(user.organisationId, conversationId);
    for (const message of updated) {
      this.realtime.toWebChatRoom(room.room, WebChatEvent.MessageStatus, {
        id: message.id,
        status: DeliveryStatus.Read,
      } satisfies WebChatStatusPayload);
      this.realtime.toConversationAudience(room.audience, RealtimeEvent.MessageUpdated, toMessageView(message));
    }
    return { read: updated.length };
  }

  private async visitorRoom(user: AuthenticatedUser, conversationId: string): Promise<{ room: string; audience: ConversationAudience }> {
    const conversation = await this.conversations.get(user, conversationId);
    if (conversation.channel !== ChannelKind.WebChat) throw ApiException.notFound('Web-chat conversation');
    const found = await this.inboxes.findWithSecrets(conversation.inboxId);
    const externalId = conversation.contact
      ? await this.contacts.externalIdIn(user.organisationId, conversation.contact.id, conversation.inboxId)
      : undefined;
    if (!found || !externalId) throw ApiException.notFound('Web-chat visitor');
    const { inboxId, assigneeId, teamId } = conversation;
    return {
      room: webChatVisitorRoom(found.secrets.signingSecret, externalId),
      audience: { organisationId: user.organisationId, inboxId, assigneeId, teamId },
    };
  }
}
