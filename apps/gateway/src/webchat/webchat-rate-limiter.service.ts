import { WaslConfig } from '@app/config';
import { InjectRedis } from '@app/queue';
import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';

export interface RateLimit {
  limit: number;
  windowMilliseconds: number;
}

// A visitor may reconnect after a network change, not hammer the gateway: limits are generous for people.
export const WEBCHAT_CONNECTION_LIMIT: RateLimit = { limit: 30, windowMilliseconds: 60_000 };
// New visitors are counted per address; mobile carriers put many people behind one address, hence higher.
export const WEBCHAT_NEW_VISITOR_LIMIT: RateLimit = { limit: 120, windowMilliseconds: 60_000 };
export const WEBCHAT_MESSAGE_LIMIT: RateLimit = { limit: 20, windowMilliseconds: 60_000 };
// history and read reports each cost a query; a widget sends a handful per page view.
export const WEBCHAT_READ_LIMIT: RateLimit = { limit: 120, windowMilliseconds: 60_000 };
export const WEBCHAT_UPLOAD_LIMIT: RateLimit = { limit: 10, windowMilliseconds: 60_000 };

// Fixed windows counted in Redis, so the limit holds however many gateway instances the visitor reaches.
@Injectable()
export class WebChatRateLimiter {
  private readonly prefix: string;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    config: WaslConfig,
  ) {
    this.prefix = `${config.redis.queuePrefix}:webchat-rate`;
  }

  async allows(subject: string, rule: RateLimit): Promise<boolean> {
    const key = `${this.prefix}:${subject}`;
    try {
      const count = await this.redis.incr(key);
      if (count === 1) await this.redis.pexpire(key, rule.windowMilliseconds);
      return count <= rule.limit;
    } catch {
      // Redis down: chat keeps working (messages are stored in the database), unthrottled for that moment.
      return true;
    }
  }

  // Once per window per key (e.g. one offline auto-reply an hour per visitor).
  async firstIn(subject: string, windowMilliseconds: number): Promise<boolean> {
    try {
      return (await this.redis.set(`${this.prefix}:${subject}`, '1', 'PX', windowMilliseconds, 'NX')) === 'OK';
    } catch {
      return false;
    }
  }
}
