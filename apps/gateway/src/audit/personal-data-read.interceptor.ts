import { AuditAction, AuditService } from '@app/audit';
import { JsonObject } from '@app/common';
import { AuthenticatedUser } from '@app/identity';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { mergeMap, Observable } from 'rxjs';

export const AUDITED_READ = 'wasl:audited-read';

export interface AuditedReadSpec {
  action: AuditAction;
  subjectType: string;
  // A list or search: one row for the request with the ids shown and the query, subject `*`.
  list?: boolean;
}

// The query is recorded as the officer typed it, bounded so a crafted query string cannot bloat the log.
const MAX_QUERY_KEYS = 20;
const MAX_QUERY_VALUE_LENGTH = 200;
// Keys that would reach an object's prototype instead of being recorded.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface AuditedRequest {
  user?: AuthenticatedUser;
  params?: Record<string, string>;
  query?: Record<string, unknown>;
}

function recordedQuery(query: Record<string, unknown> = {}): Record<string, string> {
  const recorded: Record<string, string> = {};
  for (const [key, value] of Object.entries(query).slice(0, MAX_QUERY_KEYS)) {
    if (typeof value === 'string' && !UNSAFE_KEYS.has(key)) recorded[key.slice(0, 40)] = value.slice(0, MAX_QUERY_VALUE_LENGTH);
  }
  return recorded;
}

function idsOf(body: unknown): string[] {
  const items = (body as { items?: unknown } | undefined)?.items;
  return Array.isArray(items) ? items.map((item: { id?: unknown }) => String(item?.id)) : [];
}

// Ids, counts and the query only: the audit log says who saw which records, never what they contained.
function detailsOf(spec: AuditedReadSpec, request: AuditedRequest, body: unknown): JsonObject {
  if (spec.list) {
    const ids = idsOf(body);
    return { count: ids.length, ids, query: recordedQuery(request.query) };
  }
  const details: JsonObject = {};
  const items = (body as { items?: unknown } | undefined)?.items;
  if (Array.isArray(items)) details.count = items.length;
  const contactId = (body as { contact?: { id?: unknown } } | undefined)?.contact?.id;
  if (typeof contactId === 'string') details.contactId = contactId;
  return details;
}

@Injectable()
export class PersonalDataReadInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AuditedReadSpec | undefined>(AUDITED_READ, context.getHandler());
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        const user = request.user;
        if (spec && user) {
          await this.audit.recordRead({
            organisationId: user.organisationId,
            actorUserId: user.id,
            action: spec.action,
            subjectType: spec.subjectType,
            subjectId: spec.list ? '*' : String(request.params?.id ?? ''),
            details: detailsOf(spec, request, body),
          });
        }
        return body;
      }),
    );
  }
}
