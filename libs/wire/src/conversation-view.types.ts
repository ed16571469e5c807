// The conversation and message views the staff API answers and the /agents socket pushes. Built on the server from
// the entities (libs/conversations `toConversationView`, `toMessageView`); clients receive their Serialised form.

export interface ConversationContactView {
  id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
}

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
  contact?: ConversationContactView;
}

// A row of the inbox list: the conversation and how many of the beneficiary's messages the caller has not read.
export interface ConversationListItemView extends ConversationView {
  unreadCount: number;
}

// Who wrote a message: the beneficiary, a staff member, or Wasl itself (an automatic message no staff member wrote).
export type MessageSender = 'contact' | 'staff' | 'system';

export interface MessageView {
  id: string;
  conversationId: string;
  type: string;
  text: string;
  attachments: unknown[];
  senderUserId: string | null;
  sender: MessageSender;
  providerMessageId: string | null;
  status: string | null;
  failureCode: string | null;
  failureReason: string | null;
  createdAt: Date;
}
