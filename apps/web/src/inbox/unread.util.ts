import type { InfiniteData } from '@tanstack/react-query';
import type { ConversationListItem, ConversationPage, UnreadSummary } from '../api/api-client';

// What a badge shows: the count, or "99+" past it, so a long-unread conversation does not widen the row.
export function unreadBadge(count: number, format: (value: number) => string, cap = 99): string | null {
  if (count <= 0) return null;
  return count > cap ? `${format(cap)}+` : format(count);
}

// "(3) وصل": the unread messages waiting for the officer in front of the application's name, as chat apps do.
export function titleWithUnread(appName: string, summary: UnreadSummary | undefined, format: (value: number) => string): string {
  if (!summary || summary.messages === 0) return appName;
  return `(${format(summary.messages)}${summary.more ? '+' : ''}) ${appName}`;
}

// After the officer read a conversation, its row shows no unread count without refetching the list.
export function markReadInPages(
  pages: InfiniteData<ConversationPage> | undefined,
  conversationId: string,
): InfiniteData<ConversationPage> | undefined {
  if (!pages) return pages;
  let changed = false;
  const next = pages.pages.map((page) => ({
    ...page,
    items: page.items.map((item: ConversationListItem) => {
      if (item.id !== conversationId || item.unreadCount === 0) return item;
      changed = true;
      return { ...item, unreadCount: 0 };
    }),
  }));
  return changed ? { ...pages, pages: next } : pages;
}
