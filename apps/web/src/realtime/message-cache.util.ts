import type { Message } from '../api/api-client';

// Delivery only moves forward; a reply's answer that arrives after its live "sent" must not turn it back to queued.
const DELIVERY_ORDER: Record<string, number> = { queued: 0, sent: 1, delivered: 2, read: 3 };

function isOlder(incoming: Message, existing: Message): boolean {
  const before = existing.status ? DELIVERY_ORDER[existing.status] : undefined;
  const after = incoming.status ? DELIVERY_ORDER[incoming.status] : undefined;
  return before !== undefined && after !== undefined && after < before;
}

// A live message.created/updated into the cached list of its conversation: added once, replaced on update.
export function upsertMessage(messages: { items: Message[] } | undefined, message: Message): { items: Message[] } | undefined {
  if (!messages) return messages;
  const index = messages.items.findIndex((item) => item.id === message.id);
  if (index < 0) return { items: [...messages.items, message] };
  if (isOlder(message, messages.items[index])) return messages;
  const items = [...messages.items];
  items[index] = message;
  return { items };
}
