import { ApiErrorCode, ApiException } from '@app/common';

// A field of a Saudi gateway's inbound webhook that is missing or not what the gateway sends: a 400 naming it.
export class SmsPayloadError extends ApiException {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(ApiErrorCode.ValidationFailed, `${field} ${message}`, [{ field, message }]);
  }
}
