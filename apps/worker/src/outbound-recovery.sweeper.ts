import { OutboundRecoveryService } from '@app/conversations';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

const SWEEP_EVERY_MILLISECONDS = 60_000;
// Longer than a reply's normal life (sending plus a stalled job coming back), so the sweep only finds replies
// whose job can no longer run; pending and delayed (backing-off) jobs are left alone whatever their age.
const STALE_AFTER_MILLISECONDS = 120_000;

// Replies left `queued` with no job that can still send them are queued again by the worker.
@Injectable()
export class OutboundRecoverySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboundRecoverySweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly recovery: OutboundRecoveryService) {}

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
      if (count > 0) this.logger.warn(`Queued ${count} stuck replies again`);
      return count;
    } catch (error) {
      this.logger.error(`Outbound recovery sweep failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
