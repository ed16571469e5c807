import { ChannelKind } from '@app/channels';
import { ConversationPriority, ConversationStatus } from '../entities/conversation.entity';
import { newConversation } from './new-conversation.rule';

describe(newConversation.name, () => {
  const at = new Date('2026-11-21T12:00:00Z');
  const input = {
    organisationId: '0b7f1a3e-1111-4c2b-9a55-000000000001',
    number: 42,
    inbox: { id: '0b7f1a3e-2222-4c2b-9a55-000000000002', channel: ChannelKind.Sms, teamId: '0b7f1a3e-3333-4c2b-9a55-000000000003' },
    contactId: '0b7f1a3e-4444-4c2b-9a55-000000000004',
    at,
  };
  const officer = '0b7f1a3e-5555-4c2b-9a55-000000000005';

  it.each([
    ['a beneficiary’s message', {}, { status: ConversationStatus.Open, assigneeId: null, waitingSince: at }],
    ['an officer’s outreach', { startedBy: officer }, { status: ConversationStatus.Pending, assigneeId: officer, waitingSince: null }],
    ['Wasl’s own notice', { startedBy: null }, { status: ConversationStatus.Pending, assigneeId: null, waitingSince: null }],
    [
      'a walk-in visit an officer records',
      { recordedBy: officer },
      { status: ConversationStatus.Open, assigneeId: officer, waitingSince: null },
    ],
  ] as const)('should open a conversation started by %s', (_case, opening, expected) => {
    const conversation = newConversation({ ...input, ...opening });
    expect(conversation).toMatchObject({
      organisationId: input.organisationId,
      number: 42,
      inboxId: input.inbox.id,
      contactId: input.contactId,
      channel: ChannelKind.Sms,
      priority: ConversationPriority.Normal,
      teamId: input.inbox.teamId,
      labels: [],
      lastMessagePreview: null,
      lastActivityAt: at,
      firstResponseAt: null,
      resolvedAt: null,
      createdAt: at,
      updatedAt: at,
      ...expected,
    });
  });

  it('should give every conversation its own id', () => {
    expect(newConversation(input).id).not.toBe(newConversation(input).id);
  });
});
