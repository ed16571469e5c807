import { ApiErrorCode } from '@app/common';
import type { INestApplication } from '@nestjs/common';
import { json, urlencoded } from 'body-parser';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export const MAX_BODY_BYTES = 1024 * 1024;

interface ParserError {
  type?: string;
  status?: number;
}

// Keep the exact bytes: provider signatures are computed over the raw body, not over re-serialised JSON.
function keepRawBody(request: Request & { rawBody?: Buffer }, _response: Response, buffer: Buffer): void {
  request.rawBody = buffer;
}

// Body-parser errors happen before Nest's router, so they are answered here in the API's error shape.
function answeringInApiShape(parser: RequestHandler): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) =>
    parser(request, response, (rawError?: unknown) => {
      const error = rawError as ParserError | undefined;
      if (!error) return next();
      if (error.type === 'entity.too.large') {
        return response.status(413).json({ statusCode: 413, code: ApiErrorCode.PayloadTooLarge, message: 'The body is larger than 1 MiB' });
      }
      const status = error.status && error.status < 500 ? error.status : 400;
      return response.status(status).json({
        statusCode: status,
        code: ApiErrorCode.ValidationFailed,
        message: 'The body could not be read',
        fields: [{ field: 'body', message: error.type === 'entity.parse.failed' ? 'must be valid JSON' : 'could not be parsed' }],
      });
    });
}

export function installBodyParsers(app: INestApplication): void {
  app.use(answeringInApiShape(json({ limit: MAX_BODY_BYTES, verify: keepRawBody, type: ['application/json', 'application/*+json'] })));
  app.use(answeringInApiShape(urlencoded({ extended: false, limit: MAX_BODY_BYTES, verify: keepRawBody })));
}
