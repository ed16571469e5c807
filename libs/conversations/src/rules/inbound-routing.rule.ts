import { ConversationStatus } from '../entities/conversation.entity';

export type InboundRouting = 'append' | 'reopen' | 'open';

// Where a beneficiary's new message goes, given their latest conversation on the same inbox:
// an open or pending one takes it; a resolved one reopens within the window (the same matter, just
// answered); a closed one, or one resolved long ago, makes way for a new conversation.
export function routeInbound(
  latest: { status: ConversationStatus; resolvedAt: Date | null } | null,
  receivedAt: Date,
  reopenWindowHours: number,
): InboundRouting {
  if (!latest) return 'open';
  if (latest.status === ConversationStatus.Open || latest.status === ConversationStatus.Pending) return 'append';
  if (latest.status === ConversationStatus.Resolved && latest.resolvedAt) {
    const waited = receivedAt.getTime() - latest.resolvedAt.getTime();
    if (waited <= reopenWindowHours * 3_600_000) return 'reopen';
  }
  return 'open';
}
