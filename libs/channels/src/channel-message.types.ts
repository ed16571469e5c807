export interface AttachmentMetadata {
  url?: string;
  contentType?: string;
  fileName?: string;
  sizeBytes?: number;
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

export interface SendResult {
  providerMessageId?: string;
  acceptedAt: Date;
}
