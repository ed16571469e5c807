import { ChannelKind } from '@app/channels';
import { ConversationEvent, ConversationEventType } from '../entities/conversation-event.entity';
import { Conversation, ConversationStatus } from '../entities/conversation.entity';
import { previewOf } from '../services/conversation-view';
import { InboundRouting, routeInbound } from './inbound-routing.rule';

export type ConversationEventDraft = Pick<ConversationEvent, 'type' | 'details'>;

export type InboundConversationPatch = Pick<Conversation, 'lastMessagePreview' | 'lastActivityAt' | 'waitingSince'> &
  Partial<Pick<Conversation, 'status' | 'resolvedAt'>>;

export interface InboundDecision {
  routing: InboundRouting;
  // What the message changes on the conversation it lands in; for 'open', on the new conversation as built.
  patch: InboundConversationPatch;
  // The conversation events to record, at the message's acceptance time.
  events: ConversationEventDraft[];
}

type LatestConversation = Pick<Conversation, 'status' | 'resolvedAt' | 'lastActivityAt' | 'waitingSince'>;

// Everything a beneficiary's inbound message does to their conversations on an inbox, given the latest one: the same
// decision for the one-by-one handler and the batch applier.
export function decideInbound(
  latest: LatestConversation | null,
  message: { receivedAt: Date; text: string; channel: ChannelKind },
  reopenWindowHours: number,
): InboundDecision {
  const routing = routeInbound(latest, message.receivedAt, reopenWindowHours);
  const target = routing === 'open' ? null : latest;
  const patch: InboundConversationPatch = {
    lastMessagePreview: previewOf(message.text),
    // Messages may be applied out of acceptance order (a retried job); the latest activity stays the latest.
    lastActivityAt: target && target.lastActivityAt > message.receivedAt ? target.lastActivityAt : message.receivedAt,
    waitingSince: target?.waitingSince ?? message.receivedAt,
  };
  const events: ConversationEventDraft[] = [];
  if (!target) {
    events.push({ type: ConversationEventType.Created, details: { channel: message.channel } });
  } else if (routing === 'reopen') {
    patch.status = ConversationStatus.Open;
    patch.resolvedAt = null;
    events.push({ type: ConversationEventType.Reopened, details: { from: target.status } });
  } else if (target.status === ConversationStatus.Pending) {
    // A pending conversation waits on the beneficiary; their answer puts it back in the officers' queue.
    patch.status = ConversationStatus.Open;
    events.push({
      type: ConversationEventType.StatusChanged,
      details: { from: ConversationStatus.Pending, to: ConversationStatus.Open },
    });
  }
  return { routing, patch, events };
}
