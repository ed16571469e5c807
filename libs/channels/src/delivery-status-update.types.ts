// A provider's delivery report in Wasl's words. `undelivered` is kept apart from `failed` here (the carrier
// gave up, versus the provider refused) even though both end as a failed message.
export enum DeliveryState {
  Queued = 'queued',
  Sent = 'sent',
  Delivered = 'delivered',
  Read = 'read',
  Failed = 'failed',
  Undelivered = 'undelivered',
}

export interface DeliveryStatusUpdate {
  providerMessageId: string;
  state: DeliveryState;
  // The vendor's own error code (Twilio `ErrorCode`, Unifonic `DLR`), kept on the message as failureCode.
  errorCode?: string;
  // The vendor's human reason for a failure (Meta's error title), kept on the message for the officer. Never the
  // message text or the recipient.
  reason?: string;
  // When the provider says the change happened, if it says.
  occurredAt?: string;
}
