import { WaslConfig } from '@app/config';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { installFailedRequestLimiter } from './failed-request-limiter.hook';
import { installApiDocsAccess, installSecurityHeaders } from './security-headers.hook';

// Fastify hooks that apply to every route, the gateway's own and the web app's alike; installed before listen. The
// logger that redacts secret and personal fields is the application's own (createWaslLogger, gateway.bootstrap.ts).
export function installSecurityHooks(app: NestFastifyApplication, config: WaslConfig): void {
  installFailedRequestLimiter(app, config);
  installApiDocsAccess(app, config);
  installSecurityHeaders(app, config);
}
