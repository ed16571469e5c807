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
}

export interface SendResult {
  providerMessageId?: string;
  acceptedAt: Date;
}
