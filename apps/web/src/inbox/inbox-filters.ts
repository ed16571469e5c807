// The inbox's filter state lives in the address bar (?view=&status=&channel=&q=), so a reload or a shared
// link shows the same list. These functions are the only translation between the URL, the state and the API.
export const INBOX_VIEWS = ['mine', 'unassigned', 'all'] as const;
export const CONVERSATION_STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
// The API's ChannelKind values, so a filter the API would refuse cannot be chosen.
export const CHANNEL_KINDS = ['api', 'webchat', 'sms', 'voice', 'whatsapp', 'messenger', 'instagram', 'telegram', 'walk_in'] as const;

export type InboxView = (typeof INBOX_VIEWS)[number];
export type ConversationStatusFilter = (typeof CONVERSATION_STATUSES)[number];
export type ChannelKindFilter = (typeof CHANNEL_KINDS)[number];

export interface InboxFilters {
  view: InboxView;
  status: ConversationStatusFilter | null;
  channel: ChannelKindFilter | null;
  q: string;
}

// An officer opens the inbox on what still needs an answer: every open conversation.
export const DEFAULT_INBOX_FILTERS: InboxFilters = { view: 'all', status: 'open', channel: null, q: '' };

function oneOf<Value extends string>(allowed: readonly Value[], value: string | null): Value | null {
  return allowed.find((candidate) => candidate === value) ?? null;
}

export function parseInboxFilters(search: string): InboxFilters {
  const parameters = new URLSearchParams(search);
  const status = parameters.get('status');
  return {
    view: oneOf(INBOX_VIEWS, parameters.get('view')) ?? DEFAULT_INBOX_FILTERS.view,
    // "any" is written explicitly so that an empty URL can mean the default (open) status.
    status: status === 'any' ? null : (oneOf(CONVERSATION_STATUSES, status) ?? DEFAULT_INBOX_FILTERS.status),
    channel: oneOf(CHANNEL_KINDS, parameters.get('channel')),
    q: (parameters.get('q') ?? '').slice(0, 200),
  };
}

export function serialiseInboxFilters(filters: InboxFilters): string {
  const parameters = new URLSearchParams();
  if (filters.view !== DEFAULT_INBOX_FILTERS.view) parameters.set('view', filters.view);
  if (filters.status !== DEFAULT_INBOX_FILTERS.status) parameters.set('status', filters.status ?? 'any');
  if (filters.channel) parameters.set('channel', filters.channel);
  if (filters.q.trim()) parameters.set('q', filters.q.trim());
  const query = parameters.toString();
  return query ? `?${query}` : '';
}

export interface ConversationListQuery {
  status?: ConversationStatusFilter;
  channel?: ChannelKindFilter;
  assigneeId?: string;
  unassigned?: 'true';
  q?: string;
}

// The query parameters of GET /api/v1/conversations for these filters, as the given staff member sees them.
export function toConversationListQuery(filters: InboxFilters, currentUserId: string): ConversationListQuery {
  const query: ConversationListQuery = {};
  if (filters.status) query.status = filters.status;
  if (filters.channel) query.channel = filters.channel;
  if (filters.view === 'mine') query.assigneeId = currentUserId;
  if (filters.view === 'unassigned') query.unassigned = 'true';
  const term = filters.q.trim();
  if (term) query.q = term;
  return query;
}
