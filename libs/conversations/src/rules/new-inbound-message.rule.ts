import { InboundMessage } from '@app/channels';
import { Message, MessageType } from '../entities/message.entity';

export interface InboundMessageInput {
  // Allocated by the gateway when it accepted the event, so the sender was answered with it.
  id: string;
  organisationId: string;
  conversationId: string;
  inboxId: string;
  contactId: string;
  providerMessageId: string;
  payload: Pick<InboundMessage, 'text' | 'attachments'>;
  receivedAt: Date;
  // The event's serial id: same-millisecond arrivals keep their acceptance order.
  sequence: number;
  storedAt: Date;
}

// A beneficiary's message as stored from its inbound event: created at the gateway's acceptance time, with no
// delivery status (staff reading it sets `read`).
export function newInboundMessage(input: InboundMessageInput): Message {
  return Object.assign(new Message(), {
    id: input.id,
    organisationId: input.organisationId,
    conversationId: input.conversationId,
    inboxId: input.inboxId,
    contactId: input.contactId,
    type: MessageType.Inbound,
    text: input.payload.text,
    attachments: input.payload.attachments ?? [],
    senderUserId: null,
    providerMessageId: input.providerMessageId,
    status: null,
    failureCode: null,
    failureReason: null,
    createdAt: input.receivedAt,
    sequence: input.sequence,
    storedAt: input.storedAt,
    updatedAt: input.storedAt,
  });
}
