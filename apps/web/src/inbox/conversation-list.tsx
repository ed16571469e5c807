import { Alert, Button, Loader, SegmentedControl, Select, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, Conversation, unwrap } from '../api/api-client';
import { ChannelIcon } from '../shared/channel-icon';
import { formatDualCalendarLine, formatWaitingDuration, UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import { useNow } from '../shared/use-now';
import { CHANNEL_KINDS, CONVERSATION_STATUSES, INBOX_VIEWS, InboxFilters, toConversationListQuery } from './inbox-filters';

const PAGE_SIZE = 25;
const SEARCH_DELAY_MILLISECONDS = 300;

interface ConversationListProps {
  filters: InboxFilters;
  userId: string;
  selectedId: string | null;
  onFiltersChange: (filters: InboxFilters) => void;
  onSelect: (conversationId: string) => void;
}

export function ConversationList({ filters, userId, selectedId, onFiltersChange, onSelect }: ConversationListProps) {
  const { t } = useTranslation();
  const [term, setTerm] = useState(filters.q);
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

  return (
    <section className="conversation-list" aria-label={t('nav.inbox')}>
      <div className="conversation-filters">
        <SegmentedControl
          fullWidth
          size="xs"
          value={filters.view}
          onChange={(view) => onFiltersChange({ ...filters, view: view as InboxFilters['view'] })}
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
            value={filters.status ?? 'any'}
            allowDeselect={false}
            onChange={(status) =>
              onFiltersChange({ ...filters, status: status === 'any' || !status ? null : (status as InboxFilters['status']) })
            }
            data={[
              { value: 'any', label: t('filters.anyStatus') },
              ...CONVERSATION_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
            ]}
          />
          <Select
            size="xs"
            aria-label={t('filters.channel')}
            value={filters.channel ?? 'any'}
            allowDeselect={false}
            onChange={(channel) =>
              onFiltersChange({ ...filters, channel: channel === 'any' || !channel ? null : (channel as InboxFilters['channel']) })
            }
            data={[
              { value: 'any', label: t('filters.anyChannel') },
              ...CHANNEL_KINDS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) })),
            ]}
          />
        </div>
      </div>
      <div className="conversation-items">
        {conversations.isPending && <Loader size="sm" m="md" aria-label={t('inbox.loading')} />}
        {conversations.isError && <Alert color="red">{t('inbox.loadFailed')}</Alert>}
        {conversations.isSuccess && items.length === 0 && <p className="list-empty">{t('inbox.empty')}</p>}
        <ul>
          {items.map((conversation) => (
            <li key={conversation.id}>
              <ConversationListItem conversation={conversation} selected={conversation.id === selectedId} onSelect={onSelect} />
            </li>
          ))}
        </ul>
        {conversations.hasNextPage && (
          <Button variant="subtle" fullWidth loading={conversations.isFetchingNextPage} onClick={() => void conversations.fetchNextPage()}>
            {t('inbox.loadMore')}
          </Button>
        )}
      </div>
    </section>
  );
}

function ConversationListItem({
  conversation,
  selected,
  onSelect,
}: {
  conversation: Conversation;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const now = useNow();
  const name = conversation.contact.name ?? conversation.contact.phone ?? t('inbox.unnamed');
  return (
    <UnstyledButton
      className="conversation-item"
      data-selected={selected || undefined}
      aria-current={selected ? 'true' : undefined}
      data-conversation-id={conversation.id}
      onClick={() => onSelect(conversation.id)}
    >
      <span className="conversation-item-top">
        <ChannelIcon channel={conversation.channel} />
        <bdi className="conversation-contact">{name}</bdi>
        <span className="conversation-number">#{formatInteger(conversation.number, language)}</span>
      </span>
      <span className="conversation-preview" dir="auto">
        {conversation.lastMessagePreview ?? ''}
      </span>
      <span className="conversation-item-bottom">
        <span className={`status-badge status-${conversation.status}`}>{t(`status.${conversation.status}`)}</span>
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
