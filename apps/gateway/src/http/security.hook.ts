import { WaslConfig } from '@app/config';
import { createWaslLogger } from '@app/observability';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { installFailedRequestLimiter } from './failed-request-limiter.hook';
import { installApiDocsAccess, installSecurityHeaders } from './security-headers.hook';

// Fastify hooks that apply to every route, the gateway's own and the web app's alike, and a logger that redacts
// secret and personal fields of logged objects; installed before listen.
export function installSecurityHooks(app: NestFastifyApplication, config: WaslConfig): void {
  app.useLogger(createWaslLogger(config));
  installFailedRequestLimiter(app, config);
  installApiDocsAccess(app, config);
  installSecurityHeaders(app, config);
}
