// BullMQ calls a worker's backoffStrategy with the error that failed the attempt. An error that carries the
// provider's Retry-After (a 429 from Twilio, Meta or an association's callback) waits at least that long; any other
// failure backs off exponentially from the job's own delay, as BullMQ's 'exponential' does.
export interface RetryAfterCarrier {
  retryAfterMilliseconds?: number;
}

// A provider asking for more than an hour is not asking to be retried by this job.
const MAX_RETRY_AFTER_MILLISECONDS = 3_600_000;

export function providerAwareBackoff(attemptsMade: number, delayMilliseconds: number, error: unknown): number {
  const exponential = Math.round(2 ** Math.max(attemptsMade - 1, 0) * delayMilliseconds);
  const asked = (error as RetryAfterCarrier | undefined)?.retryAfterMilliseconds;
  if (typeof asked !== 'number' || !Number.isFinite(asked) || asked <= 0) return exponential;
  return Math.max(exponential, Math.min(asked, MAX_RETRY_AFTER_MILLISECONDS));
}
