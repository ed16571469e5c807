import type { ConversationEvent, Message } from '../api/api-client';

export type TimelineEntry = { kind: 'message'; at: string; message: Message } | { kind: 'event'; at: string; event: ConversationEvent };

// Events the timeline shows between messages; the rest (first response, merges of labels) stay in reports.
const SHOWN_EVENTS = new Set(['created', 'assigned', 'unassigned', 'status_changed', 'reopened', 'team_changed', 'contact_merged']);

// Messages and conversation events in one time order; messages keep the server's order among themselves.
export function buildTimeline(messages: Message[], events: ConversationEvent[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...messages.map((message) => ({ kind: 'message' as const, at: message.createdAt, message })),
    ...events.filter((event) => SHOWN_EVENTS.has(event.type)).map((event) => ({ kind: 'event' as const, at: event.createdAt, event })),
  ];
  // A stable sort: equal times keep messages before the events they caused.
  return entries.sort((first, second) => new Date(first.at).getTime() - new Date(second.at).getTime());
}
