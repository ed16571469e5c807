import createClient from 'openapi-fetch';
import { currentSession, setSession } from '../session/session-store';
import type { components, paths } from './schema';

export type Conversation = components['schemas']['ConversationResponse'];
export type ConversationListItem = components['schemas']['ConversationListItemResponse'];
export type ContactDetail = components['schemas']['ContactDetailResponse'];
export type ContactSummary = components['schemas']['ContactResponse'];
export type Call = components['schemas']['CallResponse'];
export type StaffDirectory = components['schemas']['StaffDirectoryResponse'];
export type SmsLength = components['schemas']['SmsLengthResponse'];
export type UnreadSummary = components['schemas']['UnreadSummaryResponse'];
export type ConversationPage = components['schemas']['ConversationPageResponse'];
export type Message = components['schemas']['MessageResponse'];
export type ConversationEvent = components['schemas']['ConversationEventResponse'];
export type StaffUser = components['schemas']['UserListItemResponse'];
export type InboxSummary = components['schemas']['InboxResponse'];
export type CreatedInbox = components['schemas']['CreatedInboxResponse'];
export type Team = components['schemas']['TeamResponse'];
export type Organisation = components['schemas']['OrganisationResponse'];
export type FailedJob = components['schemas']['FailedJobResponse'];
export type AuditLogEntry = components['schemas']['AuditLogEntryResponse'];

// A 400 names each field at fault ("password", "settings.workingHours.timeZone").
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly retryAfterSeconds: number | null = null,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }
}

// Typed from the gateway's own OpenAPI document (npm run generate:api): a changed route fails the build.
export const api = createClient<paths>({ baseUrl: '' });

api.use({
  onRequest({ request }) {
    // The session cookie goes with every request on its own; changes also need the CSRF token.
    const session = currentSession();
    if (session && request.method !== 'GET') request.headers.set('x-csrf-token', session.csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    // An expired or revoked token ends the session; the login page takes over.
    if (response.status === 401 && !request.url.endsWith('/api/v1/auth/session')) setSession(null);
    return response;
  },
});

// openapi-fetch answers { data } or { error }; pages want the data or a thrown ApiError.
export async function unwrap<Data>(call: Promise<{ data?: Data; error?: unknown; response: Response }>): Promise<Data> {
  const { data, error, response } = await call;
  if (error !== undefined || data === undefined) {
    const body = (error ?? {}) as { code?: string; message?: string; fields?: FieldProblem[] };
    const retryAfter = Number(response.headers.get('retry-after'));
    const fields = Array.isArray(body.fields) ? body.fields : [];
    throw new ApiError(response.status, body.code, body.message ?? response.statusText, retryAfter > 0 ? retryAfter : null, fields);
  }
  return data;
}

// Where the page loads or plays a message's attachment: the staff download, with the session cookie.
export function attachmentUrl(conversationId: string, messageId: string, index: number): string {
  return `/api/v1/conversations/${conversationId}/messages/${messageId}/attachments/${index}`;
}

// A 204 answer has no body, so unwrap (which wants data) does not fit; a refusal is thrown the same way.
export async function noContent(call: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  const { error, response } = await call;
  if (!response.ok) {
    const body = (error ?? {}) as { code?: string; message?: string; fields?: FieldProblem[] };
    const fields = Array.isArray(body.fields) ? body.fields : [];
    throw new ApiError(response.status, body.code, body.message ?? response.statusText, null, fields);
  }
}
