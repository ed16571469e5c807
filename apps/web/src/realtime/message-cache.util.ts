import type { Message } from '../api/api-client';

// A live message.created/updated into the cached list of its conversation: added once, replaced on update.
export function upsertMessage(messages: { items: Message[] } | undefined, message: Message): { items: Message[] } | undefined {
  if (!messages) return messages;
  const index = messages.items.findIndex((item) => item.id === message.id);
  if (index < 0) return { items: [...messages.items, message] };
  const items = [...messages.items];
  items[index] = message;
  return { items };
}
