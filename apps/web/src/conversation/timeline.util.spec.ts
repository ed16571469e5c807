import type { Call, ConversationEvent, Message } from '../api/api-client';
import { upsertMessage } from '../realtime/message-cache.util';
import { buildTimeline, callSummaryKey } from './timeline.util';

function message(id: string, createdAt: string, text = id): Message {
  return {
    id,
    conversationId: 'c',
    type: 'inbound',
    text,
    attachments: [],
    senderUserId: null,
    sender: 'contact',
    providerMessageId: null,
    status: null,
    failureCode: null,
    failureReason: null,
    createdAt,
  };
}

function event(id: string, type: ConversationEvent['type'], createdAt: string): ConversationEvent {
  return { id, conversationId: 'c', type, actorUserId: null, details: null, createdAt };
}

describe('conversation timeline', () => {
  it('should put messages and shown events in time order and leave out report-only events', () => {
    const timeline = buildTimeline(
      [message('m1', '2026-03-20T10:00:00Z'), message('m2', '2026-03-20T10:05:00Z')],
      [
        event('e1', 'created', '2026-03-20T10:00:00Z'),
        event('e2', 'first_response', '2026-03-20T10:04:00Z'),
        event('e3', 'status_changed', '2026-03-20T10:06:00Z'),
      ],
    );
    expect(
      timeline.map((entry) => (entry.kind === 'message' ? entry.message.id : entry.kind === 'event' ? entry.event.id : entry.call.id)),
    ).toEqual(['m1', 'e1', 'm2', 'e3']);
  });

  it('should add a live message once and replace it when its delivery status changes', () => {
    const first = upsertMessage({ items: [message('m1', '2026-03-20T10:00:00Z')] }, message('m2', '2026-03-20T10:01:00Z'));
    const again = upsertMessage(first, { ...message('m2', '2026-03-20T10:01:00Z'), status: 'delivered' });
    expect(again?.items.map((item) => [item.id, item.status])).toEqual([
      ['m1', null],
      ['m2', 'delivered'],
    ]);
    expect(upsertMessage(undefined, message('m3', '2026-03-20T10:02:00Z'))).toBeUndefined();
  });

  it('should never move a reply’s delivery back, but let a failed reply be queued again', () => {
    const sent = upsertMessage({ items: [] }, { ...message('m1', '2026-03-20T10:00:00Z'), type: 'outbound', status: 'sent' });
    // The POST's answer ("queued") arriving after the live "sent".
    expect(upsertMessage(sent, { ...sent!.items[0], status: 'queued' })).toBe(sent);
    const failed = upsertMessage(sent, { ...sent!.items[0], status: 'failed' });
    expect(upsertMessage(failed, { ...sent!.items[0], status: 'queued' })?.items[0].status).toBe('queued');
  });

  it('should put phone calls in time order and name their outcome and length', () => {
    const call = {
      id: 'k1',
      direction: 'outbound',
      status: 'answered',
      missed: false,
      durationSeconds: 150,
      startedAt: '2026-03-20T10:02:00Z',
    } as Call;
    const timeline = buildTimeline([message('m1', '2026-03-20T10:00:00Z'), message('m2', '2026-03-20T10:05:00Z')], [], [call]);
    expect(timeline.map((entry) => entry.kind)).toEqual(['message', 'call', 'message']);
    expect(callSummaryKey(call)).toEqual({ key: 'calls.outcomes.answered', minutes: 3 });
    expect(callSummaryKey({ ...call, direction: 'inbound', missed: true, durationSeconds: null })).toEqual({
      key: 'calls.inboundMissed',
      minutes: null,
    });
  });
});
