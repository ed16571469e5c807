import { MessageType } from '../entities/message.entity';
import { newInboundMessage } from './new-inbound-message.rule';

describe(newInboundMessage.name, () => {
  const receivedAt = new Date('2026-11-21T12:00:00Z');
  const storedAt = new Date('2026-11-21T12:00:00.040Z');
  const input = {
    id: '0b7f1a3e-1111-4c2b-9a55-000000000001',
    organisationId: '0b7f1a3e-2222-4c2b-9a55-000000000002',
    conversationId: '0b7f1a3e-3333-4c2b-9a55-000000000003',
    inboxId: '0b7f1a3e-4444-4c2b-9a55-000000000004',
    contactId: '0b7f1a3e-5555-4c2b-9a55-000000000005',
    providerMessageId: 'SM0001',
    receivedAt,
    sequence: 7,
    storedAt,
  };

  it.each([
    ['text alone', { text: 'متى يصدر القرار؟', attachments: undefined }, []],
    [
      'an attachment',
      { text: 'صورة الهوية', attachments: [{ url: 'https://media.example.org/1.png' }] },
      [{ url: 'https://media.example.org/1.png' }],
    ],
  ] as const)(
    'should store a beneficiary’s message with %s, at the acceptance time and without a delivery status',
    (_case, payload, attachments) => {
      expect(newInboundMessage({ ...input, payload: payload as never })).toEqual(
        expect.objectContaining({
          id: input.id,
          organisationId: input.organisationId,
          conversationId: input.conversationId,
          inboxId: input.inboxId,
          contactId: input.contactId,
          type: MessageType.Inbound,
          text: payload.text,
          attachments,
          senderUserId: null,
          providerMessageId: 'SM0001',
          status: null,
          failureCode: null,
          failureReason: null,
          createdAt: receivedAt,
          sequence: 7,
          storedAt,
          updatedAt: storedAt,
        }),
      );
    },
  );
});
