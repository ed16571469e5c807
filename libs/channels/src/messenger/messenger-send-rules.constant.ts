import { ReplyWindow, SendContext, SendRules } from '../channel-definition';

// Messenger and Instagram: a standard reply within 24 hours of the person's last message; after that, an officer's
// reply goes with the HUMAN_AGENT tag, which Meta allows for human answers up to 7 days after it
// (reference/channels.md §5.1). Later than that nothing can be sent until the person writes again.
export const MESSENGER_STANDARD_HOURS = 24;
export const MESSENGER_HUMAN_AGENT_DAYS = 7;

export function messengerWindow(context: SendContext): ReplyWindow {
  if (!context.lastInboundAt) return { open: false, closesAt: null, whenClosed: 'nothing' };
  const closesAt = new Date(context.lastInboundAt.getTime() + MESSENGER_HUMAN_AGENT_DAYS * 24 * 3600_000);
  return { open: closesAt > context.now, closesAt, whenClosed: 'nothing' };
}

// Whether a reply still fits the standard window or needs the human-agent tag.
export function messengerMessagingType(lastInboundAt: Date | null | undefined, now = new Date()): 'RESPONSE' | 'HUMAN_AGENT' {
  return lastInboundAt && now.getTime() - lastInboundAt.getTime() < MESSENGER_STANDARD_HOURS * 3600_000 ? 'RESPONSE' : 'HUMAN_AGENT';
}

export const MESSENGER_SEND_RULES: SendRules = {
  measure: () => null,
  check(text, _limits, context) {
    if (text.length > 2000) return [{ field: 'text', message: 'must be at most 2000 characters on Messenger and Instagram' }];
    if (messengerWindow(context).open) return [];
    return [
      {
        field: 'text',
        message: context.lastInboundAt
          ? `cannot be sent: more than ${MESSENGER_HUMAN_AGENT_DAYS} days have passed since the person last wrote`
          : 'cannot be sent: the person has not written to this account',
      },
    ];
  },
  window: messengerWindow,
};
