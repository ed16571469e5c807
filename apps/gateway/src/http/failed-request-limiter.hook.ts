import { ApiErrorCode } from '@app/common';
import { WaslConfig } from '@app/config';
import { REDIS_CLIENT } from '@app/queue';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Redis from 'ioredis';

const WINDOW_SECONDS = 60;
// Load balancers and orchestrators poll these; they never carry credentials.
const EXEMPT_PATHS = ['/health', '/health/ready'];
const MAX_REMEMBERED_SOURCES = 10_000;

// A request failed for want of credentials: 401 anywhere, or 403 with nobody signed in (a webhook's signature,
// a missing CSRF token). A signed-in officer refused a route by role is not a flood.
function failedUnauthenticated(request: FastifyRequest, statusCode: number): boolean {
  return statusCode === 401 || (statusCode === 403 && !(request as FastifyRequest & { user?: unknown }).user);
}

// Per source address (request.ip: the connection's, or X-Forwarded-For from a TRUST_PROXY proxy), failed
// unauthenticated requests are counted in Redis for a minute, so the count holds on every gateway. Past
// FAILED_REQUESTS_PER_MINUTE the source gets 429 at once, before any route, body parser or log line runs. A gateway
// learns that a source is over the limit from the count of its own failures, and remembers it in memory: a request
// costs no Redis round trip, and a flood spread over N gateways gets at most N-1 failures past the limit.
export function installFailedRequestLimiter(app: NestFastifyApplication, config: WaslConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  const redis = app.get<Redis>(REDIS_CLIENT);
  const limit = config.security.failedRequestsPerMinute;
  const blockedUntil = new Map<string, number>();
  const sourceOf = (request: FastifyRequest) => request.ip || 'unknown';

  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const until = blockedUntil.get(sourceOf(request));
    if (until === undefined || EXEMPT_PATHS.includes(request.url.split('?')[0])) return;
    const remaining = until - Date.now();
    if (remaining <= 0) {
      blockedUntil.delete(sourceOf(request));
      return;
    }
    return reply
      .code(429)
      .header('retry-after', String(Math.ceil(remaining / 1000)))
      .send({ statusCode: 429, code: ApiErrorCode.RateLimited, message: 'Too many failed requests from this address; wait a minute' });
  });

  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!failedUnauthenticated(request, reply.statusCode)) return;
    const source = sourceOf(request);
    const key = `${config.redis.queuePrefix}:failed-requests:${source}`;
    try {
      const [[, count], [, ttl]] = (await redis.multi().incr(key).ttl(key).exec()) as [[unknown, number], [unknown, number]];
      if (count === 1 || ttl < 0) await redis.expire(key, WINDOW_SECONDS);
      if (count < limit) return;
      // Bounded: a flood from many addresses forgets the oldest rather than growing without end.
      if (blockedUntil.size >= MAX_REMEMBERED_SOURCES) blockedUntil.delete(blockedUntil.keys().next().value as string);
      blockedUntil.set(source, Date.now() + (ttl > 0 ? ttl : WINDOW_SECONDS) * 1000);
    } catch {
      // A lost count only lets a flood run a little longer.
    }
  });
}
