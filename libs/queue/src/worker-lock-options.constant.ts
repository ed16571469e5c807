import type { MinimalJob } from 'bullmq';
import { PROVIDER_AWARE_BACKOFF } from './job-catalogue.constant';
import { providerAwareBackoff } from './provider-aware-backoff.util';

// BullMQ's defaults (30 s lock, 30 s stall check) let a killed worker's jobs wait up to a minute or more before
// another worker takes them. Wasl's jobs take milliseconds to a callback timeout, and a live worker renews its
// lock every half lockDuration, so 10 s is ample; a stall check every 5 s brings a dead worker's jobs back within
// about 15 s. Applying inbound is idempotent and interrupted replies are reconciled before any second send, so a
// job may stall a few times (repeated kills) before it is failed.
export const WORKER_LOCK_OPTIONS = { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 3 } as const;

// Every processor's worker options: the lock settings above and the backoff that honours a provider's Retry-After
// (jobs queued through JobQueue use it; BullMQ's own types are computed by BullMQ).
export const WORKER_OPTIONS = {
  ...WORKER_LOCK_OPTIONS,
  settings: {
    backoffStrategy: (attemptsMade: number, type: string | undefined, error: Error | undefined, job: MinimalJob | undefined): number => {
      const backoff = job?.opts.backoff;
      const delay = typeof backoff === 'object' && typeof backoff.delay === 'number' ? backoff.delay : 1_000;
      return type === PROVIDER_AWARE_BACKOFF ? providerAwareBackoff(attemptsMade, delay, error) : delay;
    },
  },
};
