// Every adapter maps its vendor's failures onto these codes; ChannelErrorPolicy decides what each one means.
export enum ChannelErrorCode {
  Temporary = 'TEMPORARY',
  RateLimited = 'RATE_LIMITED',
  AuthInvalid = 'AUTH_INVALID',
  RecipientInvalid = 'RECIPIENT_INVALID',
  Unknown = 'UNKNOWN',
}

export class ChannelError extends Error {
  constructor(
    readonly code: ChannelErrorCode,
    message: string,
    // Seconds the vendor asked us to wait (Retry-After), when it said.
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

export interface ChannelErrorDecision {
  retry: boolean;
}

// The one place that turns a code into an action. Retrying an auth failure or a bad number only burns quota.
export function decideOnChannelError(code: ChannelErrorCode): ChannelErrorDecision {
  switch (code) {
    case ChannelErrorCode.Temporary:
    case ChannelErrorCode.RateLimited:
    case ChannelErrorCode.Unknown:
      return { retry: true };
    case ChannelErrorCode.AuthInvalid:
    case ChannelErrorCode.RecipientInvalid:
      return { retry: false };
  }
}
