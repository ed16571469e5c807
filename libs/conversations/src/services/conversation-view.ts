import { Contact } from '@app/contacts';
import { ConversationView, MessageView } from '@app/wire';
import { Conversation } from '../entities/conversation.entity';
import { Message } from '../entities/message.entity';

// The views themselves are wire types (libs/wire), shared with the staff web app.

export function toConversationView(conversation: Conversation, contact?: Contact | null): ConversationView {
  const { organisationId: _organisationId, contactId, ...rest } = conversation;
  return {
    ...rest,
    contact: contact
      ? { id: contact.id, name: contact.name, phone: contact.phone, email: contact.email }
      : { id: contactId, name: null, phone: null, email: null },
  };
}

export function toMessageView(message: Message): MessageView {
  const { id, conversationId, type, text, attachments, senderUserId, providerMessageId, status, failureCode, failureReason, createdAt } =
    message;
  return { id, conversationId, type, text, attachments, senderUserId, providerMessageId, status, failureCode, failureReason, createdAt };
}

export function previewOf(text: string): string {
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}
