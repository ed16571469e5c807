import { ConversationStatus } from '../entities/conversation.entity';
import { routeInbound } from './inbound-routing.rule';

describe(routeInbound.name, () => {
  const now = new Date('2026-11-21T12:00:00Z');
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

  it.each([
    ['no earlier conversation', null, 'open'],
    ['an open one', { status: ConversationStatus.Open, resolvedAt: null }, 'append'],
    ['a pending one', { status: ConversationStatus.Pending, resolvedAt: null }, 'append'],
    ['one resolved an hour ago', { status: ConversationStatus.Resolved, resolvedAt: hoursAgo(1) }, 'reopen'],
    ['one resolved exactly at the window edge', { status: ConversationStatus.Resolved, resolvedAt: hoursAgo(72) }, 'reopen'],
    ['one resolved after the window', { status: ConversationStatus.Resolved, resolvedAt: hoursAgo(73) }, 'open'],
    ['a closed one, even a minute ago', { status: ConversationStatus.Closed, resolvedAt: hoursAgo(0.01) }, 'open'],
  ] as const)('should route a message after %s to %s', (_case, latest, expected) => {
    expect(routeInbound(latest, now, 72)).toBe(expected);
  });

  it('should never reopen when the window is zero hours', () => {
    expect(routeInbound({ status: ConversationStatus.Resolved, resolvedAt: hoursAgo(0.001) }, now, 0)).toBe('open');
  });
});
