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

export interface MessageView {
  id: string;
  conversationId: string;
  type: string;
  text: string;
  attachments: unknown[];
  senderUserId: string | null;
  providerMessageId: string | null;
  status: string | null;
  failureCode: string | null;
  failureReason: string | null;
  createdAt: Date;
}
