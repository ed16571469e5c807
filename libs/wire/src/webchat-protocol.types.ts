// The web chat protocol on the socket.io namespace /webchat. Browsers in the field speak these names and shapes
// (the widget, apps/gateway/src/webchat/widget), so keep them stable.

export const WEBCHAT_NAMESPACE = '/webchat';

export enum WebChatEvent {
  Session = 'session',
  MessageSend = 'message:send',
  MessageNew = 'message:new',
  MessageStatus = 'message:status',
  Typing = 'typing',
  History = 'history',
  // A visitor proves their mobile number: a code by SMS, then the code back (answered with a new session).
  VerificationRequest = 'verification:request',
  VerificationConfirm = 'verification:confirm',
}

// The events' values, for code that writes them out (the widget's source runs in the visitor's browser on its own).
export type WebChatEventName = `${WebChatEvent}`;

// Why a web-chat connection or event was refused: `connect_error` data or an ack's `error`.
export enum WebChatRefusalCode {
  InboxNotFound = 'INBOX_NOT_FOUND',
  OriginRefused = 'ORIGIN_REFUSED',
  TokenInvalid = 'TOKEN_INVALID',
  IdentityInvalid = 'IDENTITY_INVALID',
  PreChatInvalid = 'PRE_CHAT_INVALID',
  SettingsInvalid = 'SETTINGS_INVALID',
  RateLimited = 'RATE_LIMITED',
  ValidationFailed = 'VALIDATION_FAILED',
  VerificationUnavailable = 'VERIFICATION_UNAVAILABLE',
  VerificationNotSent = 'VERIFICATION_NOT_SENT',
  CodeInvalid = 'CODE_INVALID',
}

export interface WebChatRefusalPayload {
  // The code's value, so the widget's plain string comparisons are checked against the set.
  code: `${WebChatRefusalCode}`;
  message: string;
  fields?: Array<{ field: string; message: string }>;
}

// `session`, and the answer to `verification:confirm`.
export interface WebChatSessionPayload {
  visitorToken: string;
  contactId: string;
  conversationId?: string;
}

export interface WebChatAttachmentPayload {
  url?: string;
  contentType?: string;
  fileName?: string;
  sizeBytes?: number;
}

// The `message:new` payload, and each item of the `history` answer.
export interface WebChatMessagePayload {
  id: string;
  text: string;
  sender: 'visitor' | 'agent';
  agentName?: string;
  createdAt: string;
  status?: string;
  attachments?: WebChatAttachmentPayload[];
  // An automatic answer (offline, outside working hours), not written by an officer.
  automatic?: boolean;
}

// `message:status` from the server: an officer read the visitor's message.
export interface WebChatStatusPayload {
  id: string;
  status: string;
}

// `typing`, both ways.
export interface WebChatTypingPayload {
  sender: 'visitor' | 'agent';
  agentName?: string;
}

// An event's acknowledgement: its answer, or why it was refused.
export type WebChatAck<Answer> = Answer | { error: WebChatRefusalPayload };

// The answer to `verification:request`: where the code went (masked) and how long it works.
export interface WebChatVerificationRequested {
  sentTo: string;
  expiresInSeconds: number;
}
