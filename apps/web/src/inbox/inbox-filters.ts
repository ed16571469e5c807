import type { components } from '../api/schema';
// The inbox's filter state lives in the address bar (?view=&status=&channel=&inbox=&team=&label=&q=), so a reload or
// a shared link shows the same list. These functions are the only translation between the URL, the state and the API.
export const INBOX_VIEWS = ['mine', 'unassigned', 'all'] as const;
export const CONVERSATION_STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
export const CONVERSATION_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
// Every kind the gateway has a channel definition for, checked against the generated schema's ChannelKind: a kind
// added to the gateway and not here, or removed there, breaks the web build.
const LISTED_CHANNEL_KINDS = {
  api: true,
  webchat: true,
  sms: true,
  voice: true,
  whatsapp: true,
  messenger: true,
  instagram: true,
  telegram: true,
  walk_in: true,
  internal: true,
  web_form: true,
} satisfies Record<components['schemas']['ChannelKind'], true>;
export const CHANNEL_KINDS = Object.keys(LISTED_CHANNEL_KINDS) as Array<keyof typeof LISTED_CHANNEL_KINDS>;

export type InboxView = (typeof INBOX_VIEWS)[number];
export type ConversationStatusFilter = (typeof CONVERSATION_STATUSES)[number];
export type ChannelKindFilter = (typeof CHANNEL_KINDS)[number];

export interface InboxFilters {
  view: InboxView;
  status: ConversationStatusFilter | null;
  channel: ChannelKindFilter | null;
  inboxId: string | null;
  teamId: string | null;
  label: string | null;
  q: string;
}

// An officer opens the inbox on what still needs an answer: every open conversation.
export const DEFAULT_INBOX_FILTERS: InboxFilters = {
  view: 'all',
  status: 'open',
  channel: null,
  inboxId: null,
  teamId: null,
  label: null,
  q: '',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// As long as the API accepts a label.
const MAX_LABEL_LENGTH = 50;

function oneOf<Value extends string>(allowed: readonly Value[], value: string | null): Value | null {
  return allowed.find((candidate) => candidate === value) ?? null;
}

function uuidOrNull(value: string | null): string | null {
  return value && UUID.test(value) ? value.toLowerCase() : null;
}

function labelOrNull(value: string | null): string | null {
  const label = value?.trim() ?? '';
  return label && label.length <= MAX_LABEL_LENGTH ? label : null;
}

export function parseInboxFilters(search: string): InboxFilters {
  const parameters = new URLSearchParams(search);
  const status = parameters.get('status');
  return {
    view: oneOf(INBOX_VIEWS, parameters.get('view')) ?? DEFAULT_INBOX_FILTERS.view,
    // "any" is written explicitly so that an empty URL can mean the default (open) status.
    status: status === 'any' ? null : (oneOf(CONVERSATION_STATUSES, status) ?? DEFAULT_INBOX_FILTERS.status),
    channel: oneOf(CHANNEL_KINDS, parameters.get('channel')),
    inboxId: uuidOrNull(parameters.get('inbox')),
    teamId: uuidOrNull(parameters.get('team')),
    label: labelOrNull(parameters.get('label')),
    q: (parameters.get('q') ?? '').slice(0, 200),
  };
}

export function serialiseInboxFilters(filters: InboxFilters): string {
  const parameters = new URLSearchParams();
  if (filters.view !== DEFAULT_INBOX_FILTERS.view) parameters.set('view', filters.view);
  if (filters.status !== DEFAULT_INBOX_FILTERS.status) parameters.set('status', filters.status ?? 'any');
  if (filters.channel) parameters.set('channel', filters.channel);
  if (filters.inboxId) parameters.set('inbox', filters.inboxId);
  if (filters.teamId) parameters.set('team', filters.teamId);
  if (filters.label) parameters.set('label', filters.label);
  if (filters.q.trim()) parameters.set('q', filters.q.trim());
  const query = parameters.toString();
  return query ? `?${query}` : '';
}

export interface ConversationListQuery {
  status?: ConversationStatusFilter;
  channel?: ChannelKindFilter;
  inboxId?: string;
  teamId?: string;
  label?: string;
  assigneeId?: string;
  unassigned?: 'true';
  q?: string;
}

// The query parameters of GET /api/v1/conversations for these filters, as the given staff member sees them.
export function toConversationListQuery(filters: InboxFilters, currentUserId: string): ConversationListQuery {
  const query: ConversationListQuery = {};
  if (filters.status) query.status = filters.status;
  if (filters.channel) query.channel = filters.channel;
  if (filters.inboxId) query.inboxId = filters.inboxId;
  if (filters.teamId) query.teamId = filters.teamId;
  if (filters.label) query.label = filters.label;
  if (filters.view === 'mine') query.assigneeId = currentUserId;
  if (filters.view === 'unassigned') query.unassigned = 'true';
  const term = filters.q.trim();
  if (term) query.q = term;
  return query;
}
