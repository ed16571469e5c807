import { Queue } from 'bullmq';

const PENDING_JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'];

export type RecoveryDecision = { action: 'queue'; jobId: string } | { action: 'wait' } | { action: 'give-up' };

// For the recovery sweeps, whose database row says the work is unfinished: queue it again unless a job for it
// can still run. A completed job (its effects lost) gets a fresh id each time. A failed job (its workers died,
// or every attempt failed) gets one second round under `<id>-recovered`; when that fails too the work has a
// fault of its own, so the sweep gives up rather than failing it again every minute, and an administrator sees
// both jobs in the failed-jobs list.
export function recoveredJobIdOf(jobId: string): string {
  return `${jobId}-recovered`;
}

export async function decideRecovery(queue: Queue, jobId: string): Promise<RecoveryDecision> {
  const existing = await queue.getJob(jobId);
  if (!existing) return { action: 'queue', jobId };
  const state = await existing.getState();
  if (PENDING_JOB_STATES.includes(state)) return { action: 'wait' };
  if (state !== 'failed') return { action: 'queue', jobId: `${jobId}-recovered-${Date.now()}` };
  const recoveredId = recoveredJobIdOf(jobId);
  const recovered = await queue.getJob(recoveredId);
  if (!recovered) return { action: 'queue', jobId: recoveredId };
  const recoveredState = await recovered.getState();
  if (PENDING_JOB_STATES.includes(recoveredState)) return { action: 'wait' };
  if (recoveredState === 'failed') return { action: 'give-up' };
  return { action: 'queue', jobId: `${jobId}-recovered-${Date.now()}` };
}
