import { AttachmentMetadata } from '@app/channels';
import { Message, MessageType, DeliveryStatus } from '../entities/message.entity';

export interface StaffMessageInput {
  organisationId: string;
  conversationId: string;
  inboxId: string;
  contactId: string;
  // Null for Wasl's own automatic messages, which no officer wrote.
  senderUserId: string | null;
  text: string;
  note: boolean;
  at: Date;
  // Files the officer attached (ReplyAttachmentsService.attach): their stored paths and metadata.
  attachments?: AttachmentMetadata[];
}

// A message written by staff (or by Wasl itself, with no sender): an outbound reply starts `queued` for the outbound
// worker; a private note is never sent and has no delivery status.
export function newStaffMessage(input: StaffMessageInput, id: string): Message {
  return Object.assign(new Message(), {
    id,
    organisationId: input.organisationId,
    conversationId: input.conversationId,
    inboxId: input.inboxId,
    contactId: input.contactId,
    type: input.note ? MessageType.Note : MessageType.Outbound,
    text: input.text,
    attachments: input.attachments ?? [],
    senderUserId: input.senderUserId,
    providerMessageId: null,
    status: input.note ? null : DeliveryStatus.Queued,
    failureCode: null,
    failureReason: null,
    createdAt: input.at,
    sequence: 0,
    storedAt: input.at,
    updatedAt: input.at,
  });
}
