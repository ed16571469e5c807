import type { components } from '../api/schema';

export type AuditAction = components['schemas']['AuditAction'];

// Every action the server records, in the order the filter offers them; compiling fails when the server adds one.
export const AUDIT_ACTIONS = [
  'auth.login_succeeded',
  'auth.login_failed',
  'auth.logged_out',
  'user.created',
  'user.updated',
  'user.password_reset',
  'user.password_changed',
  'user.unlocked',
  'team.created',
  'team.updated',
  'team.member_added',
  'team.member_removed',
  'team.deleted',
  'inbox.created',
  'inbox.updated',
  'inbox.access_changed',
  'inbox.secret_rotated',
  'inbox.deleted',
  'organisation.updated',
  'conversation.listed',
  'conversation.viewed',
  'conversation.messages_read',
  'conversation.calls_read',
  'contact.listed',
  'contact.viewed',
  'contact.merged',
  'contact.phone_verified',
  'contact.corrected',
  'contact.exported',
  'contact.erased',
  'attachment.downloaded',
  'attachment.uploaded',
  'message.retried',
  'canned_reply.rendered',
  'request_type.saved',
  'request.settings_changed',
  'request.created',
  'request.transitioned',
  'request.listed',
  'request.viewed',
  'request.document_downloaded',
  'failed_job.retried',
  'failed_job.discarded',
  'retention.settings_changed',
  'retention.applied',
  'audit.exported',
] as const satisfies readonly AuditAction[];
type Unlisted = Exclude<AuditAction, (typeof AUDIT_ACTIONS)[number]>;
export const EVERY_ACTION_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;

export const AUDIT_SUBJECT_TYPES = [
  'contact',
  'conversation',
  'attachment',
  'user',
  'team',
  'inbox',
  'organisation',
  'job',
  'audit_log',
  'support_request',
  'request_type',
];

// Catalogue keys cannot hold dots (i18next reads them as nesting): "contact.viewed" is "contact_viewed".
export function actionKey(action: string): string {
  return action.replace(/\./g, '_');
}

export interface AuditFilters {
  action: string;
  actorUserId: string;
  subjectType: string;
  subjectId: string;
  // Calendar days (YYYY-MM-DD) in the organisation's time zone, both included.
  fromDay: string;
  toDay: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { action: '', actorUserId: '', subjectType: '', subjectId: '', fromDay: '', toDay: '' };

// Milliseconds the zone is ahead of UTC at that instant.
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - instant;
}

// The instant a calendar day begins in a time zone (midnight there), as ISO 8601; `days` later days are added.
export function startOfDayIn(day: string, timeZone: string, days = 0): string {
  const [year, month, date] = day.split('-').map(Number);
  const wallClock = Date.UTC(year, month - 1, date + days);
  // Twice: the offset at the guess may differ from the offset at the answer across a daylight-saving change.
  const guess = wallClock - offsetAt(wallClock, timeZone);
  return new Date(wallClock - offsetAt(guess, timeZone)).toISOString();
}

// The API's query for the filters: the "to" day is included, so the query ends when the next day begins.
export function auditQueryOf(filters: AuditFilters, timeZone: string): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.action) query.action = filters.action;
  if (filters.actorUserId) query.actorUserId = filters.actorUserId;
  if (filters.subjectType) query.subjectType = filters.subjectType;
  if (filters.subjectId.trim()) query.subjectId = filters.subjectId.trim();
  if (filters.fromDay) query.from = startOfDayIn(filters.fromDay, timeZone);
  if (filters.toDay) query.to = startOfDayIn(filters.toDay, timeZone, 1);
  return query;
}
