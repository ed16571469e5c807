import { ApiErrorCode, runWithRequestId } from '@app/common';
import { WaslConfig } from '@app/config';
import { metricsAccessAllowed, WaslMetrics } from '@app/observability';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { routeLabelOf } from './route-label.util';

// Every request runs with its id (X-Request-Id when the caller sent a valid one, else a fresh one; see the adapter's
// genReqId), returned in the answer, printed on every log line it causes and carried into the jobs it queues. The
// context is entered again before the handler: body parsing runs in the socket's own async context.
export function installRequestContext(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    reply.header('x-request-id', request.id);
    runWithRequestId(request.id, done);
  });
  fastify.addHook('preHandler', (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) =>
    runWithRequestId(request.id, done),
  );
}

// Latency of every answer by route pattern (`/webhooks/api/:inboxId/messages`, never the URL with its ids), and
// GET /metrics for Prometheus behind METRICS_TOKEN. Without a token there is no /metrics.
export function installMetrics(app: NestFastifyApplication, config: WaslConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(WaslMetrics);
  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    metrics.observeHttp(request.method, routeLabelOf(request), reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  const token = config.metrics.token;
  if (token === undefined) return;
  fastify.get('/metrics', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!metricsAccessAllowed(request.headers.authorization, token)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ statusCode: 401, code: ApiErrorCode.Unauthenticated, message: 'GET /metrics needs the METRICS_TOKEN bearer token' });
    }
    return reply
      .header('content-type', metrics.contentType())
      .header('cache-control', 'no-store')
      .send(await metrics.scrape());
  });
}
