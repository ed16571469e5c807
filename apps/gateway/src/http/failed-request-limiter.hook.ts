import { ApiErrorCode } from '@app/common';
import { WaslConfig } from '@app/config';
import { REDIS_CLIENT } from '@app/queue';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Redis from 'ioredis';

const WINDOW_SECONDS = 60;
// Load balancers and orchestrators poll these; they never carry credentials.
const EXEMPT_PATHS = ['/health', '/health/ready'];

// A request failed for want of credentials: 401 anywhere, or 403 with nobody signed in (a webhook's signature,
// a missing CSRF token). A signed-in officer refused a route by role is not a flood.
function failedUnauthenticated(request: FastifyRequest, statusCode: number): boolean {
  return statusCode === 401 || (statusCode === 403 && !(request as FastifyRequest & { user?: unknown }).user);
}

// Per source address (request.ip: the connection's, or X-Forwarded-For from a TRUST_PROXY proxy), failed
// unauthenticated requests are counted in Redis for a minute, so the count holds on every gateway. Past
// FAILED_REQUESTS_PER_MINUTE the source gets 429 at once, before any route, body parser or log line runs.
export function installFailedRequestLimiter(app: NestFastifyApplication, config: WaslConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  const redis = app.get<Redis>(REDIS_CLIENT);
  const limit = config.security.failedRequestsPerMinute;
  const keyOf = (request: FastifyRequest) => `${config.redis.queuePrefix}:failed-requests:${request.ip || 'unknown'}`;

  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (EXEMPT_PATHS.includes(request.url.split('?')[0])) return;
    let count = 0;
    let retryAfter = WINDOW_SECONDS;
    try {
      const [[, counted], [, ttl]] = (await redis.multi().get(keyOf(request)).ttl(keyOf(request)).exec()) as [
        [unknown, string | null],
        [unknown, number],
      ];
      count = Number(counted ?? 0);
      if (ttl > 0) retryAfter = ttl;
    } catch {
      // Redis down: requests are not refused for want of a counter.
      return;
    }
    if (count < limit) return;
    return reply
      .code(429)
      .header('retry-after', String(retryAfter))
      .send({ statusCode: 429, code: ApiErrorCode.RateLimited, message: 'Too many failed requests from this address; wait a minute' });
  });

  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!failedUnauthenticated(request, reply.statusCode)) return;
    const key = keyOf(request);
    try {
      const [[, count], [, ttl]] = (await redis.multi().incr(key).ttl(key).exec()) as [[unknown, number], [unknown, number]];
      if (count === 1 || ttl < 0) await redis.expire(key, WINDOW_SECONDS);
    } catch {
      // A lost count only lets a flood run a little longer.
    }
  });
}
