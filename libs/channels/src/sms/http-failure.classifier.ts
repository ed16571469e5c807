import { ChannelError, ChannelErrorCode } from '../channel-error';

// Shared by the REST-over-HTTP gateways: what an HTTP status alone says about retrying.
export function classifyHttpFailure(status: number, reason: string, retryAfterHeader?: string | null): ChannelError {
  if (status === 429) return new ChannelError(ChannelErrorCode.RateLimited, reason, Number(retryAfterHeader) || undefined);
  if (status === 401 || status === 403) return new ChannelError(ChannelErrorCode.AuthInvalid, reason);
  if (status >= 500) return new ChannelError(ChannelErrorCode.Temporary, reason);
  return new ChannelError(ChannelErrorCode.Unknown, reason);
}

// A request that never got an answer (refused, reset, timed out) is worth another try.
export function classifyNetworkFailure(error: unknown): ChannelError {
  const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message;
  return new ChannelError(ChannelErrorCode.Temporary, `Provider unreachable: ${reason}`);
}
