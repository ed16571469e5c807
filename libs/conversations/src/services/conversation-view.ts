import type { ContactCard } from '@app/contacts';
import { ConversationView, MessageSender, MessageView } from '@app/wire';
import { Conversation } from '../entities/conversation.entity';
import { Message, MessageType } from '../entities/message.entity';

// The views themselves are wire types (libs/wire), shared with the staff web app.

export function toConversationView(conversation: Conversation, contact?: ContactCard | null): ConversationView {
  const { organisationId: _organisationId, contactId, ...rest } = conversation;
  return {
    ...rest,
    contact: contact
      ? { id: contact.id, name: contact.name, phone: contact.phone, email: contact.email }
      : { id: contactId, name: null, phone: null, email: null },
  };
}

// Inbound messages are the contact's; a reply or note has a staff author, except Wasl's own automatic messages.
export function senderOf(message: Pick<Message, 'type' | 'senderUserId'>): MessageSender {
  if (message.type === MessageType.Inbound) return 'contact';
  return message.senderUserId ? 'staff' : 'system';
}

export function toMessageView(message: Message): MessageView {
  const { id, conversationId, type, text, attachments, senderUserId, providerMessageId, status, failureCode, failureReason, createdAt } =
    message;
  return {
    id,
    conversationId,
    type,
    text,
    attachments,
    senderUserId,
    sender: senderOf(message),
    providerMessageId,
    status,
    failureCode,
    failureReason,
    createdAt,
  };
}

export function previewOf(text: string): string {
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}
