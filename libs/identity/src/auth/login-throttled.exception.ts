import { ApiErrorCode, ApiException } from '@app/common';

// A 429 that knows when the next attempt will be heard, for the Retry-After header.
export class LoginThrottledException extends ApiException {
  constructor(readonly retryAfterSeconds: number) {
    super(ApiErrorCode.RateLimited, `Too many failed logins; try again in ${retryAfterSeconds} seconds`);
  }
}
