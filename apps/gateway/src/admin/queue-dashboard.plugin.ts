import { ApiErrorCode } from '@app/common';
import { AuthService, readCookie, SESSION_COOKIE, UserRole } from '@app/identity';
import { QueueName } from '@app/queue';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

function isDashboardPath(pathname: string): boolean {
  return pathname === QUEUE_DASHBOARD_PATH || pathname.startsWith(`${QUEUE_DASHBOARD_PATH}/`);
}

function refuse(reply: FastifyReply, statusCode: number, code: ApiErrorCode, message: string) {
  return reply.code(statusCode).send({ statusCode, code, message });
}

// Bull Board at /admin/queues for administrators (a bearer token or the web app's session cookie, role admin):
// every queue of libs/queue, read-only. Queues hold every organisation's jobs, so changing one (retry, discard)
// goes through the audited, organisation-scoped API (/api/v1/admin/failed-jobs); here only GET is answered, so
// no cookie-borne request can change anything and no CSRF token is needed. Job payloads carry ids only.
export async function installQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const serverAdapter = new BullBoardFastifyAdapter();
  createBullBoard({
    queues: Object.values(QueueName).map(
      (name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }), { readOnlyMode: true }),
    ),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Wasl queues' } },
  });
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);

  const auth = app.get(AuthService);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isDashboardPath(request.url.split('?')[0])) return;
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : readCookie(request.headers.cookie, SESSION_COOKIE);
    const user = token ? await auth.authenticate(token) : undefined;
    if (!user) return refuse(reply, 401, ApiErrorCode.Unauthenticated, 'The queue dashboard is for signed-in administrators');
    if (user.role !== UserRole.Admin) return refuse(reply, 403, ApiErrorCode.Forbidden, 'The queue dashboard is for administrators');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refuse(reply, 405, ApiErrorCode.Forbidden, 'The queue dashboard is read-only; use /api/v1/admin/failed-jobs');
    }
  });
  await app.register(serverAdapter.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
}
