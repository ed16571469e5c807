import { AuditAction, AuditLogFilters, AuditService } from '@app/audit';
import type { AuditLog } from '@app/audit/entities';
import { ApiException, FieldProblem } from '@app/common';
import { decodeCursor, encodeCursor } from '@app/conversations';
import { AuthenticatedUser, CurrentUser, Roles, UserRole } from '@app/identity';
import { Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditLogPageResponse, FailedJobListResponse, FailedJobResponse } from './admin-response.dto';
import type { FastifyReply } from 'fastify';
import { auditLogCsv } from './audit-log-csv.util';
import { AuditLogQuery } from './audit-log-query.dto';
import { FailedJobsService } from './failed-jobs.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles(UserRole.Admin)
@Controller('api/v1/admin')
export class AdminController {
  constructor(
    private readonly failedJobs: FailedJobsService,
    private readonly audit: AuditService,
  ) {}

  @Get('failed-jobs')
  @ApiOkResponse({ type: FailedJobListResponse })
  async listFailedJobs(@CurrentUser() user: AuthenticatedUser) {
    return { items: await this.failedJobs.list(user.organisationId) };
  }

  // Queues a failed job of this organisation again, with all its attempts (a failed reply is queued again too).
  @Post('failed-jobs/:queue/:id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: FailedJobResponse })
  async retryFailedJob(@CurrentUser() user: AuthenticatedUser, @Param('queue') queue: string, @Param('id') id: string) {
    const retried = await this.failedJobs.retry(user.organisationId, queue, id);
    await this.recordFailedJobAction(user, AuditAction.FailedJobRetried, queue, id, retried.name);
    return retried;
  }

  @Delete('failed-jobs/:queue/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed from Redis and from the list' })
  async discardFailedJob(@CurrentUser() user: AuthenticatedUser, @Param('queue') queue: string, @Param('id') id: string): Promise<void> {
    const discarded = await this.failedJobs.discard(user.organisationId, queue, id);
    await this.recordFailedJobAction(user, AuditAction.FailedJobDiscarded, queue, id, discarded.name);
  }

  // Retrying a reply sends it again; discarding destroys the evidence of a failure: both are written down.
  private async recordFailedJobAction(user: AuthenticatedUser, action: AuditAction, queue: string, jobId: string, name: string) {
    await this.audit.record({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action,
      subjectType: 'job',
      subjectId: `${queue}:${jobId}`.slice(0, 64),
      details: { queue, jobId, name },
    });
  }

  // Supervisors answer for their officers' access too; `format=csv` exports every matching row (up to a cap).
  @Get('audit-log')
  @Roles(UserRole.Admin, UserRole.Supervisor)
  @ApiOkResponse({ type: AuditLogPageResponse, description: 'With format=csv: text/csv, every matching row' })
  async listAuditLog(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AuditLogQuery,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const filters = auditLogFilters(query);
    if (query.format !== 'csv') {
      const limit = query.limit ?? 100;
      const rows = await this.audit.search(user.organisationId, filters, limit + 1);
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
    }
    const rows: AuditLog[] = [];
    for (let before = filters.before; rows.length < AUDIT_EXPORT_MAX_ROWS;) {
      const batch = await this.audit.search(user.organisationId, { ...filters, before }, AUDIT_EXPORT_BATCH_SIZE);
      rows.push(...batch);
      const last = batch[batch.length - 1];
      if (!last || batch.length < AUDIT_EXPORT_BATCH_SIZE) break;
      before = { at: last.createdAt, id: last.id };
    }
    await this.audit.recordRead({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: AuditAction.AuditLogExported,
      subjectType: 'audit_log',
      subjectId: '*',
      details: { count: Math.min(rows.length, AUDIT_EXPORT_MAX_ROWS), filters: recordedFilters(query) },
    });
    response.header('content-type', 'text/csv; charset=utf-8');
    response.header('content-disposition', 'attachment; filename="audit-log.csv"');
    return auditLogCsv(rows.slice(0, AUDIT_EXPORT_MAX_ROWS));
  }
}

// One export stays a bounded response; narrower dates or filters get the rest.
const AUDIT_EXPORT_MAX_ROWS = 100_000;
const AUDIT_EXPORT_BATCH_SIZE = 1_000;

function recordedFilters(query: AuditLogQuery): Record<string, string> {
  const { actorUserId, subjectType, subjectId, action, from, to } = query;
  return Object.fromEntries(
    Object.entries({ actorUserId, subjectType, subjectId, action, from, to }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
}

function auditLogFilters(query: AuditLogQuery): AuditLogFilters {
  const problems: FieldProblem[] = [];
  const dateOf = (field: 'from' | 'to'): Date | undefined => {
    if (query[field] === undefined) return undefined;
    const date = new Date(query[field]);
    const year = date.getUTCFullYear();
    if (Number.isNaN(date.getTime()) || year < 1 || year > 9999)
      problems.push({ field, message: 'must be a date between years 1 and 9999' });
    return date;
  };
  const from = dateOf('from');
  const to = dateOf('to');
  if (from && to && problems.length === 0 && from.getTime() > to.getTime())
    problems.push({ field: 'to', message: 'must not be before from' });
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (problems.length > 0) throw ApiException.validation(problems);
  return {
    actorUserId: query.actorUserId,
    subjectType: query.subjectType,
    subjectId: query.subjectId,
    action: query.action,
    from,
    to,
    before: cursor && { at: cursor.at, id: cursor.id },
  };
}
