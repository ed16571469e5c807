import { ChannelError, ChannelErrorCode } from '@app/channels';
import { WaslConfig } from '@app/config';
import { InjectRedis } from '@app/queue';
import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';

// Reserves the next free send slot of an inbox in one step: every worker shares the same schedule, so a burst of
// replies leaves at the number's pace (a WhatsApp number's throughput; a paired phone's ban risk).
const RESERVE_SLOT = `
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local next = tonumber(redis.call('GET', KEYS[1]) or '0')
if next < now then next = now end
redis.call('SET', KEYS[1], tostring(next + interval), 'PX', 120000)
return next - now`;

// Past this wait the send is handed back to the queue (RATE_LIMITED, retried) rather than holding a worker slot.
const MAX_WAIT_MILLISECONDS = 10_000;

@Injectable()
export class OutboundPacer {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: WaslConfig,
  ) {}

  async waitForSlot(inboxId: string, messagesPerSecond: number): Promise<void> {
    const interval = Math.ceil(1000 / messagesPerSecond);
    const key = `${this.config.redis.queuePrefix}:pace:${inboxId}`;
    const wait = Number(await this.redis.eval(RESERVE_SLOT, 1, key, String(Date.now()), String(interval)));
    if (wait > MAX_WAIT_MILLISECONDS) {
      throw new ChannelError(
        ChannelErrorCode.RateLimited,
        'This number is sending at its limit; the reply waits its turn',
        Math.ceil(wait / 1000),
      );
    }
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
