import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

const SWEEP_EVERY_MILLISECONDS = 60_000;
// Longer than a job's normal life (applying or sending, plus a stalled job coming back), so a sweep only finds
// work whose job can no longer run; pending and delayed (backing-off) jobs are left alone whatever their age.
const STALE_AFTER_MILLISECONDS = 120_000;

export interface StaleWorkRecovery {
  requeueStale(olderThanMilliseconds: number): Promise<number>;
}

// Every minute, work the database says is unfinished and that no job can still finish is queued again. A failed
// sweep is logged and the next one tries again.
export abstract class RecoverySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;

  protected constructor(
    private readonly recovery: StaleWorkRecovery,
    // What was queued again, for the log line: "accepted inbound events", "stuck replies".
    private readonly what: string,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MILLISECONDS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(olderThanMilliseconds = STALE_AFTER_MILLISECONDS): Promise<number> {
    try {
      const count = await this.recovery.requeueStale(olderThanMilliseconds);
      if (count > 0) this.logger.warn(`Queued ${count} ${this.what} again`);
      return count;
    } catch (error) {
      this.logger.error(`Recovery sweep of ${this.what} failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
