import { ChannelKind } from '@app/channels';
import { ConversationEventType } from '../entities/conversation-event.entity';
import { ConversationStatus } from '../entities/conversation.entity';
import { decideInbound } from './inbound-decision.rule';

describe(decideInbound.name, () => {
  const now = new Date('2026-11-21T12:00:00Z');
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  const message = { receivedAt: now, text: 'السلام عليكم', channel: ChannelKind.Sms };
  const conversation = (status: ConversationStatus, extra: { resolvedAt?: Date; waitingSince?: Date | null } = {}) => ({
    status,
    resolvedAt: extra.resolvedAt ?? null,
    lastActivityAt: hoursAgo(2),
    waitingSince: extra.waitingSince === undefined ? null : extra.waitingSince,
  });

  it.each([
    ['no earlier conversation', null, 'open', {}, [{ type: ConversationEventType.Created, details: { channel: ChannelKind.Sms } }]],
    ['an open one', conversation(ConversationStatus.Open), 'append', {}, []],
    [
      'a pending one',
      conversation(ConversationStatus.Pending),
      'append',
      { status: ConversationStatus.Open },
      [{ type: ConversationEventType.StatusChanged, details: { from: ConversationStatus.Pending, to: ConversationStatus.Open } }],
    ],
    [
      'one resolved an hour ago',
      conversation(ConversationStatus.Resolved, { resolvedAt: hoursAgo(1) }),
      'reopen',
      { status: ConversationStatus.Open, resolvedAt: null },
      [{ type: ConversationEventType.Reopened, details: { from: ConversationStatus.Resolved } }],
    ],
    [
      'one resolved after the window',
      conversation(ConversationStatus.Resolved, { resolvedAt: hoursAgo(73) }),
      'open',
      {},
      [{ type: ConversationEventType.Created, details: { channel: ChannelKind.Sms } }],
    ],
    [
      'a closed one',
      conversation(ConversationStatus.Closed, { resolvedAt: hoursAgo(0.5) }),
      'open',
      {},
      [{ type: ConversationEventType.Created, details: { channel: ChannelKind.Sms } }],
    ],
  ] as const)('should route a message after %s to %s, with its status change and events', (_case, latest, routing, statusPatch, events) => {
    const decision = decideInbound(latest, message, 72);
    expect(decision.routing).toBe(routing);
    expect(decision.patch).toEqual({ lastMessagePreview: 'السلام عليكم', lastActivityAt: now, waitingSince: now, ...statusPatch });
    expect(decision.events).toEqual(events);
  });

  it('should keep the time the beneficiary started waiting, and the latest activity when an older message is applied late', () => {
    const waiting = conversation(ConversationStatus.Open, { waitingSince: hoursAgo(5) });
    expect(decideInbound(waiting, message, 72).patch.waitingSince).toEqual(hoursAgo(5));
    const late = decideInbound(waiting, { ...message, receivedAt: hoursAgo(3) }, 72);
    expect(late.patch.lastActivityAt).toEqual(hoursAgo(2));
    expect(late.patch.waitingSince).toEqual(hoursAgo(5));
  });

  it('should wait from this message when a reopened conversation had been answered', () => {
    const answered = conversation(ConversationStatus.Resolved, { resolvedAt: hoursAgo(1), waitingSince: null });
    expect(decideInbound(answered, message, 72).patch).toMatchObject({ waitingSince: now, lastActivityAt: now });
  });

  it('should cut a long text to the 140-character preview', () => {
    const decision = decideInbound(null, { ...message, text: 'ب'.repeat(200) }, 72);
    expect(decision.patch.lastMessagePreview).toBe(`${'ب'.repeat(139)}…`);
  });
});
