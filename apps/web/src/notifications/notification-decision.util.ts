// Whether a live message deserves a browser notification and a sound: a beneficiary's new message on a conversation
// that is the officer's to answer (assigned to them, or to nobody in an inbox they see — the socket only brings
// those). Not while the officer is looking at that very conversation, and never unless they switched it on.
export interface NotificationContext {
  enabled: boolean;
  userId: string;
  // The conversation open in the page, and whether the page is the one in front.
  openConversationId: string | null;
  pageVisible: boolean;
}

export interface LiveMessage {
  id: string;
  type: string;
  conversationId: string;
}

export interface KnownConversation {
  assigneeId: string | null;
}

export function shouldNotify(message: LiveMessage, conversation: KnownConversation | undefined, context: NotificationContext): boolean {
  if (!context.enabled || message.type !== 'inbound' || !conversation) return false;
  if (conversation.assigneeId !== null && conversation.assigneeId !== context.userId) return false;
  return !(context.pageVisible && context.openConversationId === message.conversationId);
}
