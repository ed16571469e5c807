import { ReplyWindow, SendContext, SendRules } from '../channel-definition';

// WhatsApp's customer-service window: free text only within 24 hours of the beneficiary's last message (each
// message restarts it); after that, only an approved template (Meta refuses with 131047 otherwise).
export const WHATSAPP_WINDOW_HOURS = 24;

export function whatsAppWindow(context: SendContext): ReplyWindow {
  if (!context.lastInboundAt) return { open: false, closesAt: null, whenClosed: 'template' };
  const closesAt = new Date(context.lastInboundAt.getTime() + WHATSAPP_WINDOW_HOURS * 3600_000);
  return { open: closesAt > context.now, closesAt, whenClosed: 'template' };
}

export const WHATSAPP_CLOUD_SEND_RULES: SendRules = {
  measure: () => null,
  check(text, _limits, context) {
    if (whatsAppWindow(context).open) return [];
    return [
      {
        field: 'text',
        message: context.lastInboundAt
          ? `cannot be sent as free text: more than ${WHATSAPP_WINDOW_HOURS} hours have passed since the beneficiary last wrote; send an approved template`
          : 'cannot be sent as free text: the beneficiary has not written on this number; send an approved template',
      },
    ];
  },
  window: whatsAppWindow,
};
