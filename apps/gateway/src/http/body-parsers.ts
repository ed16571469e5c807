import { ApiErrorCode, ApiException, normaliseText, sanitiseUntrustedJson } from '@app/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyBodyParser } from 'fastify';
import { parse as parseQueryString } from 'node:querystring';

export const MAX_BODY_BYTES = 1024 * 1024;

function unreadableBody(message: string): ApiException {
  return new ApiException(ApiErrorCode.ValidationFailed, 'The body could not be read', [{ field: 'body', message }]);
}

// The app is created with rawBody: true, so request.rawBody keeps the exact bytes: provider signatures are
// computed over the raw body, not over re-serialised JSON. Parser failures are ApiExceptions, so they are
// answered in the API's error shape; a body over the limit fails in Fastify first (413, see ApiExceptionFilter).
export function installBodyParsers(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  const jsonParser: FastifyBodyParser<Buffer> = (request, body, done) => {
    // Clients send the JSON content type on every call, also on POSTs that take no body (typing, read).
    if (body.length === 0) return done(null, undefined);
    return parseJson(request, body.toString('utf8'), (error, parsed) => {
      if (error) return done(unreadableBody('must be valid JSON'));
      // Depth, forbidden keys and text normalised here, once, before any DTO or provider parser reads it.
      try {
        done(null, sanitiseUntrustedJson(parsed));
      } catch (problem) {
        done(problem as ApiException);
      }
    });
  };
  app.useBodyParser('application/json', { bodyLimit: MAX_BODY_BYTES }, jsonParser);
  app.useBodyParser(/^application\/[\w.-]+\+json(;|$)/, { bodyLimit: MAX_BODY_BYTES }, jsonParser);
  // Twilio and Unifonic post forms; repeated keys become arrays, as with Express's urlencoded({ extended: false }).
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit: MAX_BODY_BYTES }, (_request, body, done) =>
    done(null, parseQueryString(body.toString('utf8'))),
  );
  // Query strings (search terms, cursors) are text from outside too: %00 would otherwise reach a query.
  fastify.addHook('preValidation', (request, _reply, done) => {
    request.query = normalisedQuery(request.query);
    done();
  });
  // Web chat uploads are the file itself: left unread here so the controller can stream and limit it.
  fastify.addContentTypeParser('application/octet-stream', (_request, _payload, done) => done(null));
}

function normalisedQuery(query: unknown): Record<string, string | string[]> {
  const normalised: Record<string, string | string[]> = {};
  if (typeof query !== 'object' || query === null) return normalised;
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    // No route reads these, and assigning __proto__ would change the object instead of adding a field.
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (typeof value === 'string') normalised[normaliseText(key)] = normaliseText(value);
    else if (Array.isArray(value)) normalised[normaliseText(key)] = value.map((item) => normaliseText(String(item)));
  }
  return normalised;
}
