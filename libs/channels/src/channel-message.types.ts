export interface AttachmentMetadata {
  url?: string;
  contentType?: string;
  fileName?: string;
  sizeBytes?: number;
  // The provider's id of a file Wasl fetches once the message is stored (a WhatsApp media id, a Telegram file id):
  // the definition's `media.download` turns it into a stored file, and it is dropped from the row then.
  providerMediaId?: string;
  // A voice note rather than any audio file: the staff app shows a player either way, and names it.
  voice?: boolean;
  // Why the file could not be fetched (too large, expired at the provider): the officer sees that one came.
  unavailable?: string;
}

// What every channel's inbound webhook is parsed into before it is stored and queued.
export interface InboundMessage {
  providerMessageId: string;
  sender: { externalId?: string; name?: string; phone?: string; email?: string };
  text: string;
  attachments: AttachmentMetadata[];
  // The sender's own timestamp, kept for display; ordering uses Wasl's acceptance time.
  sentAt?: string;
}

export interface OutboundMessage {
  messageId: string;
  conversationId: string;
  text: string;
  createdAt: Date;
  recipient: { externalId?: string; phone?: string; email?: string };
  // The officer who wrote it, for channels that show who is answering (web chat).
  senderName?: string;
  // Written by Wasl itself (a support request's notice), not by an officer.
  automatic?: boolean;
  // An approved template with its parameters filled (WhatsApp outside the 24-hour window); `text` is its rendering.
  template?: OutboundTemplate;
  // When the beneficiary last wrote on this inbox: channels with a reply window choose how to send (Messenger's
  // HUMAN_AGENT tag after 24 hours).
  lastInboundAt?: Date | null;
  // Files the officer attached, as stored (never their bytes); absent or empty for a text-only reply.
  attachments?: readonly OutboundAttachment[];
}

export interface OutboundAttachment {
  // The upload's id, and the bare path the message row keeps (it opens nothing by itself).
  id: string;
  path: string;
  contentType: string;
  fileName: string;
  sizeBytes: number;
}

export interface OutboundFile {
  content: Buffer;
  contentType: string;
  fileName: string;
}

export interface OutboundTemplate {
  name: string;
  language: string;
  // The body's {{1}}, {{2}}… in order.
  parameters: string[];
}

export interface SendResult {
  providerMessageId?: string;
  acceptedAt: Date;
}
