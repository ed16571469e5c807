import { InboundRecoveryService } from '@app/conversations';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

const SWEEP_EVERY_MILLISECONDS = 60_000;
const STALE_AFTER_MILLISECONDS = 120_000;

// Accepted-but-never-queued events (Redis was down at the time) are queued again by the worker.
@Injectable()
export class InboundRecoverySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InboundRecoverySweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly recovery: InboundRecoveryService) {}

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
      if (count > 0) this.logger.warn(`Queued ${count} accepted inbound events again`);
      return count;
    } catch (error) {
      this.logger.error(`Recovery sweep failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
