import { DeliveryStatus, MessageType } from '../entities/message.entity';
import { newStaffMessage } from './new-staff-message.rule';

describe(newStaffMessage.name, () => {
  const at = new Date('2026-11-21T12:00:00Z');
  const input = {
    organisationId: '0b7f1a3e-1111-4c2b-9a55-000000000001',
    conversationId: '0b7f1a3e-2222-4c2b-9a55-000000000002',
    inboxId: '0b7f1a3e-3333-4c2b-9a55-000000000003',
    contactId: '0b7f1a3e-4444-4c2b-9a55-000000000004',
    senderUserId: '0b7f1a3e-5555-4c2b-9a55-000000000005',
    text: 'تم استلام طلبكم',
    at,
  };

  it.each([
    ['a reply', false, MessageType.Outbound, DeliveryStatus.Queued],
    ['a private note', true, MessageType.Note, null],
  ] as const)('should store %s as %s with status %s', (_case, note, type, status) => {
    const message = newStaffMessage({ ...input, note }, '0b7f1a3e-6666-4c2b-9a55-000000000006');
    expect(message).toMatchObject({
      id: '0b7f1a3e-6666-4c2b-9a55-000000000006',
      type,
      status,
      text: input.text,
      attachments: [],
      senderUserId: input.senderUserId,
      providerMessageId: null,
      createdAt: at,
      storedAt: at,
      updatedAt: at,
    });
  });
});
