import { OutboundHttpFailure } from '@app/common';
import { ChannelError, ChannelErrorCode } from '../../../channel-error';
import { classifyUnansweredRequest } from '../../http-failure.classifier';

// Twilio error codes that say the recipient can never get this message (bad number, opted out, landline,
// region not allowed): retrying only spends money.
const RECIPIENT_CODES = new Set([21211, 21214, 21217, 21265, 21408, 21610, 21612, 21614, 30003, 30004, 30005, 30006]);
// The account or its sender is misconfigured: an admin has to act before anything can be sent.
const CONFIGURATION_CODES = new Set([20003, 20404, 21606, 21659, 21660, 21703, 30032]);

interface TwilioLikeError {
  status?: number;
  code?: number | string;
  message?: string;
}

export function classifyTwilioError(error: unknown): ChannelError {
  if (error instanceof OutboundHttpFailure) return classifyUnansweredRequest(error, 'Twilio');
  const failure = (error ?? {}) as TwilioLikeError;
  const code = Number(failure.code);
  const status = Number(failure.status);
  const reason = `Twilio${Number.isFinite(code) && code > 0 ? ` ${code}` : ''}: ${failure.message ?? 'unknown error'}`;
  if (status === 429 || code === 20429) return new ChannelError(ChannelErrorCode.RateLimited, reason);
  if (RECIPIENT_CODES.has(code)) return new ChannelError(ChannelErrorCode.RecipientInvalid, reason);
  if (status === 401 || status === 403 || CONFIGURATION_CODES.has(code)) return new ChannelError(ChannelErrorCode.AuthInvalid, reason);
  if (status >= 500) return new ChannelError(ChannelErrorCode.Temporary, reason);
  // No HTTP status at all: the request never got an answer (refused, reset, timed out).
  if (!Number.isFinite(status) || status === 0) return new ChannelError(ChannelErrorCode.Temporary, reason);
  return new ChannelError(ChannelErrorCode.Unknown, reason);
}
