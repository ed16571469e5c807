import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ApiErrorCode } from './api-error-code.enum';
import { ApiErrorBody, codeForStatus } from './api.exception';

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
}

// Every error leaves the API in one shape: { statusCode, code, message, fields? }. Unknown errors are logged
// once with their stack and answered as INTERNAL without details.
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload !== null && 'code' in payload) return payload as ApiErrorBody;
      const message = typeof payload === 'string' ? payload : String((payload as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, code: codeForStatus(status), message };
    }
    const parserError = exception as BodyParserError;
    if (parserError?.type === 'entity.too.large') {
      return { statusCode: HttpStatus.PAYLOAD_TOO_LARGE, code: ApiErrorCode.PayloadTooLarge, message: 'The body is larger than 1 MiB' };
    }
    if (parserError?.type === 'entity.parse.failed') {
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        code: ApiErrorCode.ValidationFailed,
        message: 'The body is not valid JSON',
        fields: [{ field: 'body', message: 'must be valid JSON' }],
      };
    }
    if (parserError?.expose && parserError.status && parserError.status < 500) {
      return { statusCode: parserError.status, code: codeForStatus(parserError.status), message: String((exception as Error).message) };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: ApiErrorCode.Internal, message: 'Something went wrong on our side' };
  }
}
