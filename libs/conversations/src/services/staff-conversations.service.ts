import { ChannelKind } from '@app/channels';
import { nextConversationNumber } from '@app/identity';
import { RealtimePublisher } from '@app/realtime';
import { RealtimeEvent } from '@app/wire';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Conversation, ConversationPriority } from '../entities/conversation.entity';
import { Message } from '../entities/message.entity';
import { newConversation } from '../rules/new-conversation.rule';
import { newStaffMessage } from '../rules/new-staff-message.rule';
import { previewOf, toMessageView } from './conversation-view';

// Conversations other modules open for their own records (a volunteering application, a complaint, a request between
// departments) and the notes they add to them: the rows are written here, by the module that owns them, inside the
// caller's transaction.
@Injectable()
export class StaffConversationsService {
  constructor(private readonly realtime: RealtimePublisher) {}

  async open(
    manager: EntityManager,
    input: {
      organisationId: string;
      inbox: { id: string; channel: ChannelKind };
      teamId: string | null;
      contactId: string;
      priority?: ConversationPriority;
    },
  ): Promise<Conversation> {
    const conversation = newConversation({
      organisationId: input.organisationId,
      number: await nextConversationNumber(manager, input.organisationId),
      inbox: { id: input.inbox.id, channel: input.inbox.channel, teamId: input.teamId },
      contactId: input.contactId,
      at: new Date(),
    });
    if (input.priority) conversation.priority = input.priority;
    await manager.insert(Conversation, conversation);
    return conversation;
  }

  // A private note by staff (or by Wasl itself, authorId null), published to the conversation's audience.
  async addNote(manager: EntityManager, conversation: Conversation, authorId: string | null, text: string): Promise<Message> {
    const now = new Date();
    const message = newStaffMessage(
      {
        organisationId: conversation.organisationId,
        conversationId: conversation.id,
        inboxId: conversation.inboxId,
        contactId: conversation.contactId,
        senderUserId: authorId,
        text: text.slice(0, 8_000),
        note: true,
        at: now,
      },
      randomUUID(),
    );
    await manager.insert(Message, message);
    const patch = { lastActivityAt: now, lastMessagePreview: previewOf(message.text), updatedAt: now };
    await manager.update(Conversation, { id: conversation.id }, patch);
    Object.assign(conversation, patch);
    this.realtime.toConversationAudience(conversation, RealtimeEvent.MessageCreated, toMessageView(message));
    return message;
  }
}
