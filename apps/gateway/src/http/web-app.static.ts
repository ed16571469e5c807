import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

// Paths the gateway answers itself: the app's fallback never shadows them, so an unknown API route stays a JSON 404.
const GATEWAY_PATHS = [
  '/api',
  '/webhooks',
  '/health',
  '/metrics',
  '/admin/queues',
  '/docs',
  '/demo',
  '/widget.js',
  '/socket.io',
  '/webchat',
  // Signed links to the files of officers' replies (visitors, Twilio, the association's app).
  '/files',
  '/forms',
];

// The app is a Content-Security-Policy with no inline script; Mantine sets inline styles, so styles are allowed.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

// Hashed file names change with their content, so a browser may keep them for a year.
const IMMUTABLE = 'public, max-age=31536000, immutable';

// dist/web beside the build, found from the source tree (tests, scripts) and from dist/ (npm start, Docker) alike.
export function defaultWebAppDirectory(start = __dirname): string {
  let directory = start;
  while (!existsSync(join(directory, 'package.json')) && dirname(directory) !== directory) directory = dirname(directory);
  return join(directory, 'dist', 'web');
}

export function isGatewayPath(pathname: string): boolean {
  return GATEWAY_PATHS.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

// Serves the staff web app (apps/web, built by `npm run build:web`) at / with history-API fallback: any other
// GET that is not a file is the app's index.html, and the app's router shows the page.
export async function installWebApp(app: NestFastifyApplication, directory = defaultWebAppDirectory()): Promise<boolean> {
  if (!existsSync(join(directory, 'index.html'))) {
    new Logger('WebApp').warn(`The staff web app is not built (${directory}); run \`npm run build:web\`.`);
    return false;
  }
  await app.register(fastifyStatic, {
    root: directory,
    serve: false,
    // .br and .gz files are written at build time, so nothing is compressed per request.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      const immutable = path.includes(`${sep}assets${sep}`);
      (reply as unknown as FastifyReply).header('cache-control', immutable ? IMMUTABLE : 'no-cache');
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  const sendIndex = (reply: FastifyReply) =>
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY).header('x-content-type-options', 'nosniff').sendFile('index.html');
  fastify.get('/', (_request, reply) => sendIndex(reply));
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const pathname = request.url.split('?')[0];
    if (isGatewayPath(pathname)) return reply.callNotFound();
    if (pathname.startsWith('/assets/')) return reply.header('x-content-type-options', 'nosniff').sendFile(pathname.slice(1));
    return sendIndex(reply);
  });
  return true;
}
