import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiErrorCode } from './api-error-code.enum';
import { ApiErrorBody, codeForStatus } from './api.exception';
import { redactForLog } from './redact-for-log.util';

// Every error leaves the API in one shape: { statusCode, code, message, fields? }. Unknown errors are logged
// once with their stack and answered as INTERNAL without details. Replies go through the HTTP adapter, so the
// filter does not depend on the platform (Fastify in the gateway).
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const { httpAdapter } = this.adapterHost;
    const response: unknown = host.switchToHttp().getResponse();
    const body = this.toBody(exception);
    // Something thrown that is not an Error is logged by field, without secrets or personal data.
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : JSON.stringify(redactForLog(exception)));
    if (httpAdapter.isHeadersSent(response)) return;
    // A route may have declared another type for its success (TwiML's text/xml); errors are always JSON.
    httpAdapter.setHeader(response, 'content-type', 'application/json');
    // Providers and clients retry a 503 that says when; the outage is ours and usually short.
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) httpAdapter.setHeader(response, 'retry-after', String(RETRY_AFTER_SECONDS));
    httpAdapter.reply(response, body, body.statusCode);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload !== null && 'code' in payload) return payload as ApiErrorBody;
      // Fastify's body limit arrives here as a plain HttpException: Nest rethrows its errors with their status.
      if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
        return { statusCode: status, code: ApiErrorCode.PayloadTooLarge, message: 'The body is larger than 1 MiB' };
      }
      const message = typeof payload === 'string' ? payload : String((payload as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, code: codeForStatus(status), message };
    }
    const refused = databaseRefusal(exception);
    if (refused) return refused;
    if (isDatabaseUnreachable(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: ApiErrorCode.Unavailable,
        message: 'The service is briefly unavailable; retry shortly',
      };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: ApiErrorCode.Internal, message: 'Something went wrong on our side' };
  }
}

const RETRY_AFTER_SECONDS = 5;

// Socket errors, and PostgreSQL's "connection exception" (08…) and "operator intervention" (57P01-57P03: shut
// down, crashed, starting up) classes: the database is restarting or unreachable, not refusing the request.
const UNREACHABLE_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03'];
const UNREACHABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection is not open/i,
  /client has encountered a connection error/i,
];

function isDatabaseUnreachable(exception: unknown): boolean {
  const error = exception as { code?: unknown; driverError?: { code?: unknown }; message?: unknown; errors?: unknown } | null;
  if (!error || typeof error !== 'object') return false;
  const codes = [error.code, error.driverError?.code].filter((code): code is string => typeof code === 'string');
  if (codes.some((code) => code.startsWith('08') || UNREACHABLE_CODES.includes(code))) return true;
  // Node reports a refused connection to every address of a host as one AggregateError.
  if (Array.isArray(error.errors) && error.errors.some((inner) => isDatabaseUnreachable(inner))) return true;
  const message = typeof error.message === 'string' ? error.message : '';
  return UNREACHABLE_MESSAGES.some((pattern) => pattern.test(message));
}

// The last line of defence when validation missed something: two concurrent creates of the same name both pass
// their "already exists?" check and one hits the unique index (409); a value the database cannot store is the
// caller's (400). PostgreSQL SQLSTATEs and SQLite's extended codes.
function databaseRefusal(exception: unknown): ApiErrorBody | undefined {
  const driverError = (exception as { driverError?: { code?: unknown } } | null)?.driverError;
  const code = typeof driverError?.code === 'string' ? driverError.code : '';
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { statusCode: HttpStatus.CONFLICT, code: ApiErrorCode.Conflict, message: 'That already exists' };
  }
  if (code.startsWith('22')) {
    return {
      statusCode: HttpStatus.BAD_REQUEST,
      code: ApiErrorCode.ValidationFailed,
      message: 'The request has a value that cannot be stored',
    };
  }
  return undefined;
}
