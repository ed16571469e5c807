import type { Call, ConversationEvent, Message } from '../api/api-client';

export type TimelineEntry =
  | { kind: 'message'; at: string; message: Message }
  | { kind: 'event'; at: string; event: ConversationEvent }
  | { kind: 'call'; at: string; call: Call };

// Events the timeline shows between messages; the rest (first response) stay in reports.
const SHOWN_EVENTS = new Set([
  'created',
  'assigned',
  'unassigned',
  'status_changed',
  'reopened',
  'team_changed',
  'contact_merged',
  'priority_changed',
  'labels_changed',
]);

// Messages, conversation events and phone calls in one time order; messages keep the server's order among themselves.
export function buildTimeline(messages: Message[], events: ConversationEvent[], calls: Call[] = []): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...messages.map((message) => ({ kind: 'message' as const, at: message.createdAt, message })),
    ...events.filter((event) => SHOWN_EVENTS.has(event.type)).map((event) => ({ kind: 'event' as const, at: event.createdAt, event })),
    ...calls.map((call) => ({ kind: 'call' as const, at: call.startedAt, call })),
  ];
  // A stable sort: equal times keep messages before the events they caused.
  return entries.sort((first, second) => new Date(first.at).getTime() - new Date(second.at).getTime());
}

// How a call reads in the timeline: which way, its outcome, and how long it lasted.
export function callSummaryKey(call: Call): { key: string; minutes: number | null } {
  const minutes = call.durationSeconds ? Math.max(1, Math.round(call.durationSeconds / 60)) : null;
  if (call.direction === 'inbound') return { key: call.missed ? 'calls.inboundMissed' : 'calls.inboundAnswered', minutes };
  return { key: `calls.outcomes.${call.status}`, minutes };
}
