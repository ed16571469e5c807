import { Contact } from '@app/contacts';
import { Conversation } from '../entities/conversation.entity';
import { Message, MessageType } from '../entities/message.entity';

export interface ConversationView {
  id: string;
  number: number;
  inboxId: string;
  channel: string;
  status: string;
  priority: string;
  assigneeId: string | null;
  teamId: string | null;
  labels: string[];
  lastMessagePreview: string | null;
  lastActivityAt: Date;
  waitingSince: Date | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  contact?: { id: string; name: string | null; phone: string | null; email: string | null };
}

// A row of the inbox list: the conversation and how many of the beneficiary's messages the caller has not read.
export interface ConversationListItemView extends ConversationView {
  unreadCount: number;
}

export function toConversationView(conversation: Conversation, contact?: Contact | null): ConversationView {
  const { organisationId: _organisationId, contactId, ...rest } = conversation;
  return {
    ...rest,
    contact: contact
      ? { id: contact.id, name: contact.name, phone: contact.phone, email: contact.email }
      : { id: contactId, name: null, phone: null, email: null },
  };
}

export interface MessageView {
  id: string;
  conversationId: string;
  type: string;
  text: string;
  attachments: unknown[];
  senderUserId: string | null;
  // Who wrote it: the beneficiary, a staff member, or Wasl itself (an automatic message no staff member wrote).
  sender: MessageSender;
  providerMessageId: string | null;
  status: string | null;
  failureCode: string | null;
  failureReason: string | null;
  createdAt: Date;
}

export type MessageSender = 'contact' | 'staff' | 'system';

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
