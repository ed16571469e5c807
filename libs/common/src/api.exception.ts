import { HttpException, HttpStatus } from '@nestjs/common';
import { ApiErrorCode } from './api-error-code.enum';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface ApiErrorBody {
  statusCode: number;
  code: ApiErrorCode;
  message: string;
  fields?: FieldProblem[];
}

const STATUS_BY_CODE: Record<ApiErrorCode, HttpStatus> = {
  [ApiErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [ApiErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ApiErrorCode.SignatureInvalid]: HttpStatus.UNAUTHORIZED,
  [ApiErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ApiErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ApiErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ApiErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ApiErrorCode.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [ApiErrorCode.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ApiErrorCode.Internal]: HttpStatus.INTERNAL_SERVER_ERROR,
};

export class ApiException extends HttpException {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: FieldProblem[],
    status: HttpStatus = STATUS_BY_CODE[code],
  ) {
    super({ statusCode: status, code, message, ...(fields ? { fields } : {}) } satisfies ApiErrorBody, status);
  }

  static notFound(what: string): ApiException {
    return new ApiException(ApiErrorCode.NotFound, `${what} not found`);
  }

  static validation(fields: FieldProblem[]): ApiException {
    return new ApiException(ApiErrorCode.ValidationFailed, 'The request has invalid fields', fields);
  }

  static forbidden(message = 'Your role does not allow this'): ApiException {
    return new ApiException(ApiErrorCode.Forbidden, message);
  }
}

export function codeForStatus(status: number): ApiErrorCode {
  const entry = Object.entries(STATUS_BY_CODE).find(([, value]) => value === status);
  if (entry) return entry[0] as ApiErrorCode;
  return status >= 500 ? ApiErrorCode.Internal : ApiErrorCode.ValidationFailed;
}
