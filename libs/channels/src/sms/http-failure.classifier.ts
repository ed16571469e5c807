import { OutboundHttpFailure, OutboundHttpFailureKind } from '@app/common';
import { ChannelError, ChannelErrorCode } from '../channel-error';

// Shared by the REST-over-HTTP gateways: what an HTTP status alone says about retrying.
export function classifyHttpFailure(status: number, reason: string, retryAfterHeader?: string | null): ChannelError {
  if (status === 429) return new ChannelError(ChannelErrorCode.RateLimited, reason, Number(retryAfterHeader) || undefined);
  if (status === 401 || status === 403) return new ChannelError(ChannelErrorCode.AuthInvalid, reason);
  if (status >= 500) return new ChannelError(ChannelErrorCode.Temporary, reason);
  return new ChannelError(ChannelErrorCode.Unknown, reason);
}

// A request that got no answer. The reasons are the guarded client's fixed texts, so a failure never repeats the
// remote body, the address or port reached, or credentials. A refused or malformed URL is the administrator's to
// fix, so it fails at once; refused, reset and timed-out requests are worth another try.
export function classifyUnansweredRequest(error: unknown, subject: string): ChannelError {
  if (!(error instanceof OutboundHttpFailure)) return new ChannelError(ChannelErrorCode.Temporary, `${subject} could not be reached`);
  switch (error.kind) {
    case OutboundHttpFailureKind.InvalidUrl:
    case OutboundHttpFailureKind.RefusedAddress:
      return new ChannelError(ChannelErrorCode.AuthInvalid, `${subject} URL refused: ${error.message}`);
    case OutboundHttpFailureKind.Timeout:
    case OutboundHttpFailureKind.Network:
      return new ChannelError(ChannelErrorCode.Temporary, `${subject} ${error.message}`);
    case OutboundHttpFailureKind.ResponseTooLarge:
    case OutboundHttpFailureKind.TooManyRedirects:
      return new ChannelError(ChannelErrorCode.Unknown, `${subject} ${error.message}`);
  }
}

export function classifyNetworkFailure(error: unknown): ChannelError {
  return classifyUnansweredRequest(error, 'Provider');
}
