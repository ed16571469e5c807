import { ApiErrorCode } from '@app/common';
import { WaslConfig } from '@app/config';
import { AuthService, readCookie, SESSION_COOKIE } from '@app/identity';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

// JSON answers, webhooks and health: nothing to load, nothing may frame them.
const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
// Swagger UI (/docs) loads its own scripts by URL and sets inline styles.
const DOCS_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');
// The demo page loads /widget.js, whose shadow root carries <style> elements, and opens the /webchat socket.
const DEMO_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
// Bull Board (/admin/queues) is a React page of its own: its scripts and styles by URL from its static folder, inline
// styles, and its JSON API on the same origin. Its web font link points at a CDN and is left blocked.
const QUEUE_DASHBOARD_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
const ONE_YEAR_SECONDS = 31_536_000;

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0];
}

function policyFor(pathname: string): string {
  if (pathname === '/docs' || pathname.startsWith('/docs/')) return DOCS_POLICY;
  if (pathname === '/demo') return DEMO_POLICY;
  if (pathname === '/admin/queues' || pathname.startsWith('/admin/queues/')) return QUEUE_DASHBOARD_POLICY;
  return API_POLICY;
}

// Security headers on every response. A route that sets its own
// Content-Security-Policy (the staff web app, attachments) keeps it. widget.js is embedded by other sites as a
// script: it is never framed, and its cross-origin resource policy is the controller's.
export function installSecurityHeaders(app: NestFastifyApplication, config: WaslConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  const strictTransport = config.http.publicUrl.startsWith('https://');

  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', policyFor(pathOf(request)));
    if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (strictTransport) reply.header('strict-transport-security', `max-age=${ONE_YEAR_SECONDS}; includeSubDomains`);
    return payload;
  });
}

// API_DOCS: /docs and /docs/openapi.json for everyone (public), for a signed-in staff member (staff), or not at all.
export function installApiDocsAccess(app: NestFastifyApplication, config: WaslConfig): void {
  if (config.security.apiDocs === 'public') return;
  const fastify = app.getHttpAdapter().getInstance();
  const auth = app.get(AuthService);
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const pathname = pathOf(request);
    if (pathname !== '/docs' && !pathname.startsWith('/docs/')) return;
    if (config.security.apiDocs === 'off') {
      return reply.code(404).send({ statusCode: 404, code: ApiErrorCode.NotFound, message: 'Not found' });
    }
    // staff: the same credentials as the API, a bearer token or the web app's session cookie.
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : readCookie(request.headers.cookie, SESSION_COOKIE);
    if (!token || !(await auth.authenticate(token))) {
      return reply
        .code(401)
        .send({ statusCode: 401, code: ApiErrorCode.Unauthenticated, message: 'The API documentation is for signed-in staff' });
    }
  });
}
