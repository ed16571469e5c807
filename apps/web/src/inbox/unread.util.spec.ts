import type { InfiniteData } from '@tanstack/react-query';
import type { ConversationListItem, ConversationPage } from '../api/api-client';
import { formatInteger } from '../shared/number-format.util';
import { markReadInPages, titleWithUnread, unreadBadge } from './unread.util';

const arabic = (value: number) => formatInteger(value, 'ar');

function item(id: string, unreadCount: number): ConversationListItem {
  return { id, unreadCount } as ConversationListItem;
}

describe('unread counts', () => {
  it('should show no badge when everything is read and cap a long backlog', () => {
    expect(unreadBadge(0, arabic)).toBeNull();
    expect(unreadBadge(3, arabic)).toBe('٣');
    expect(unreadBadge(250, arabic)).toBe('٩٩+');
    expect(unreadBadge(7, String)).toBe('7');
  });

  it('should put the total in front of the tab title, with a plus past what the server counted', () => {
    expect(titleWithUnread('وصل', undefined, arabic)).toBe('وصل');
    expect(titleWithUnread('وصل', { messages: 0, conversations: 0, more: false }, arabic)).toBe('وصل');
    expect(titleWithUnread('وصل', { messages: 3, conversations: 2, more: false }, arabic)).toBe('(٣) وصل');
    expect(titleWithUnread('Wasl', { messages: 1000, conversations: 40, more: true }, String)).toBe('(1000+) Wasl');
  });

  it('should clear the read conversation’s count in every cached page and leave the cache alone otherwise', () => {
    const pages: InfiniteData<ConversationPage> = {
      pageParams: [null, 'cursor'],
      pages: [
        { items: [item('a', 2), item('b', 0)], nextCursor: 'cursor' },
        { items: [item('c', 5)], nextCursor: null },
      ],
    };
    const read = markReadInPages(pages, 'c');
    expect(read?.pages.flatMap((page) => page.items.map((entry) => [entry.id, entry.unreadCount]))).toEqual([
      ['a', 2],
      ['b', 0],
      ['c', 0],
    ]);
    expect(markReadInPages(pages, 'b')).toBe(pages);
    expect(markReadInPages(undefined, 'a')).toBeUndefined();
  });
});
