import { Alert, Button, Loader, SegmentedControl, Select, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ConversationListItem, unwrap } from '../api/api-client';
import { ChannelIcon } from '../shared/channel-icon';
import { formatDualCalendarLine, formatWaitingDuration, UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import { useDirectory } from '../shared/use-directory';
import { useNow } from '../shared/use-now';
import { CHANNEL_KINDS, CONVERSATION_STATUSES, INBOX_VIEWS, InboxFilters, toConversationListQuery } from './inbox-filters';
import { NewConversationDialog } from './new-conversation-dialog';
import { unreadBadge } from './unread.util';

const PAGE_SIZE = 50;
const SEARCH_DELAY_MILLISECONDS = 300;
// A row's usual height; rows are measured once drawn, so a wrapped preview still fits.
const ESTIMATED_ROW_PIXELS = 92;
// The next page is asked for while this many rows are still below the visible ones.
const PREFETCH_ROWS = 15;
const ANY = 'any';

interface ConversationListProps {
  filters: InboxFilters;
  userId: string;
  selectedId: string | null;
  onFiltersChange: (filters: InboxFilters) => void;
  onSelect: (conversationId: string) => void;
  // The ids in the order shown, for the keyboard's next and previous (only the visible rows are in the page).
  onOrderChange: (conversationIds: string[]) => void;
}

export function ConversationList({ filters, userId, selectedId, onFiltersChange, onSelect, onOrderChange }: ConversationListProps) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const labels = useQuery({
    queryKey: ['labels'],
    queryFn: () => unwrap(api.GET('/api/v1/conversations/labels')),
    staleTime: 60_000,
  }).data;
  const [term, setTerm] = useState(filters.q);
  const [starting, setStarting] = useState(false);
  const [debouncedTerm] = useDebouncedValue(term, SEARCH_DELAY_MILLISECONDS);
  useEffect(() => {
    if (debouncedTerm.trim() !== filters.q) onFiltersChange({ ...filters, q: debouncedTerm.trim() });
    // Only a settled search term changes the address; other filters apply at once.
  }, [debouncedTerm]);

  const query = toConversationListQuery(filters, userId);
  const conversations = useInfiniteQuery({
    queryKey: ['conversations', query],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/conversations', { params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam ?? undefined } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const items = conversations.data?.pages.flatMap((page) => page.items) ?? [];
  const order = items.map((item) => item.id).join(',');
  useEffect(() => onOrderChange(order ? order.split(',') : []), [order]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PIXELS,
    overscan: 6,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows[rows.length - 1]?.index ?? -1;
  useEffect(() => {
    if (lastShown >= items.length - PREFETCH_ROWS && conversations.hasNextPage && !conversations.isFetchingNextPage) {
      void conversations.fetchNextPage();
    }
  }, [lastShown, items.length, conversations.hasNextPage, conversations.isFetchingNextPage]);
  // The keyboard moves the selection past the drawn rows; the list follows it.
  const selectedIndex = selectedId ? items.findIndex((item) => item.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex]);

  const set = (change: Partial<InboxFilters>) => onFiltersChange({ ...filters, ...change });
  const labelOptions = [...new Set([...(labels?.items.map((entry) => entry.label) ?? []), ...(filters.label ? [filters.label] : [])])];

  return (
    <section className="conversation-list" aria-label={t('nav.inbox')}>
      {starting && (
        <NewConversationDialog
          onClose={() => setStarting(false)}
          onStarted={(conversationId) => {
            setStarting(false);
            onSelect(conversationId);
          }}
        />
      )}
      <div className="conversation-filters">
        {directory?.inboxes.some((inbox) => inbox.active && inbox.startsWith) && (
          <Button size="xs" onClick={() => setStarting(true)}>
            {t('newConversation.open')}
          </Button>
        )}
        <SegmentedControl
          fullWidth
          size="xs"
          value={filters.view}
          onChange={(view) => set({ view: view as InboxFilters['view'] })}
          data={INBOX_VIEWS.map((view) => ({ value: view, label: t(`filters.views.${view}`) }))}
        />
        <TextInput
          type="search"
          dir={term ? 'auto' : undefined}
          size="sm"
          placeholder={t('filters.search')}
          aria-label={t('filters.search')}
          value={term}
          onChange={(event) => setTerm(event.currentTarget.value)}
        />
        <div className="filter-row">
          <Select
            size="xs"
            aria-label={t('filters.status')}
            value={filters.status ?? ANY}
            allowDeselect={false}
            onChange={(status) => set({ status: status === ANY || !status ? null : (status as InboxFilters['status']) })}
            data={[
              { value: ANY, label: t('filters.anyStatus') },
              ...CONVERSATION_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
            ]}
          />
          <Select
            size="xs"
            aria-label={t('filters.channel')}
            value={filters.channel ?? ANY}
            allowDeselect={false}
            onChange={(channel) => set({ channel: channel === ANY || !channel ? null : (channel as InboxFilters['channel']) })}
            data={[
              { value: ANY, label: t('filters.anyChannel') },
              ...CHANNEL_KINDS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) })),
            ]}
          />
          <Select
            size="xs"
            aria-label={t('filters.inbox')}
            value={filters.inboxId ?? ANY}
            allowDeselect={false}
            searchable
            onChange={(inboxId) => set({ inboxId: inboxId === ANY ? null : inboxId })}
            data={[
              { value: ANY, label: t('filters.anyInbox') },
              ...(directory?.inboxes.map((inbox) => ({ value: inbox.id, label: inbox.name })) ?? []),
              // A link may name an inbox the directory has not loaded yet.
              ...(filters.inboxId && !directory?.inboxes.some((inbox) => inbox.id === filters.inboxId)
                ? [{ value: filters.inboxId, label: t('filters.inbox') }]
                : []),
            ]}
          />
          <Select
            size="xs"
            aria-label={t('filters.team')}
            value={filters.teamId ?? ANY}
            allowDeselect={false}
            searchable
            onChange={(teamId) => set({ teamId: teamId === ANY ? null : teamId })}
            data={[
              { value: ANY, label: t('filters.anyTeam') },
              ...(directory?.teams.map((team) => ({ value: team.id, label: team.name })) ?? []),
              ...(filters.teamId && !directory?.teams.some((team) => team.id === filters.teamId)
                ? [{ value: filters.teamId, label: t('filters.team') }]
                : []),
            ]}
          />
          <Select
            size="xs"
            className="filter-wide"
            aria-label={t('filters.label')}
            value={filters.label ?? ANY}
            allowDeselect={false}
            searchable
            onChange={(label) => set({ label: label === ANY ? null : label })}
            data={[{ value: ANY, label: t('filters.anyLabel') }, ...labelOptions.map((label) => ({ value: label, label }))]}
          />
        </div>
      </div>
      <div className="conversation-items" ref={scroller}>
        {conversations.isPending && <Loader size="sm" m="md" aria-label={t('inbox.loading')} />}
        {conversations.isError && <Alert color="red">{t('inbox.loadFailed')}</Alert>}
        {conversations.isSuccess && items.length === 0 && <p className="list-empty">{t('inbox.empty')}</p>}
        <ul style={{ blockSize: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const conversation = items[row.index];
            return (
              <li
                key={row.key}
                data-index={row.index}
                ref={virtualizer.measureElement}
                className="conversation-row"
                style={{ transform: `translateY(${row.start}px)` }}
              >
                <ConversationListItemButton conversation={conversation} selected={conversation.id === selectedId} onSelect={onSelect} />
              </li>
            );
          })}
        </ul>
        {conversations.isFetchingNextPage && <Loader size="xs" m="sm" aria-label={t('inbox.loading')} />}
      </div>
    </section>
  );
}

function ConversationListItemButton({
  conversation,
  selected,
  onSelect,
}: {
  conversation: ConversationListItem;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const now = useNow();
  const name = conversation.contact.name ?? conversation.contact.phone ?? t('inbox.unnamed');
  const unread = unreadBadge(conversation.unreadCount, (value) => formatInteger(value, language));
  return (
    <UnstyledButton
      className="conversation-item"
      data-selected={selected || undefined}
      data-unread={unread ? true : undefined}
      aria-current={selected ? 'true' : undefined}
      data-conversation-id={conversation.id}
      onClick={() => onSelect(conversation.id)}
    >
      <span className="conversation-item-top">
        <ChannelIcon channel={conversation.channel} />
        <bdi className="conversation-contact">{name}</bdi>
        {unread && (
          <span className="unread-badge" aria-label={t('inbox.unread', { number: formatInteger(conversation.unreadCount, language) })}>
            {unread}
          </span>
        )}
        <span className="conversation-number">#{formatInteger(conversation.number, language)}</span>
      </span>
      <span className="conversation-preview" dir="auto">
        {conversation.lastMessagePreview ?? ''}
      </span>
      <span className="conversation-item-bottom">
        <span className={`status-badge status-${conversation.status}`}>{t(`status.${conversation.status}`)}</span>
        {conversation.labels.length > 0 && (
          <bdi className="conversation-labels" dir="auto">
            {conversation.labels.join('، ')}
          </bdi>
        )}
        {conversation.waitingSince ? (
          <span className="waiting" title={formatDualCalendarLine(conversation.waitingSince, language)}>
            {t('inbox.waiting', { duration: formatWaitingDuration(conversation.waitingSince, now, language) })}
          </span>
        ) : (
          <span className="activity">{formatDualCalendarLine(conversation.lastActivityAt, language).split(' · ')[0]}</span>
        )}
      </span>
    </UnstyledButton>
  );
}
