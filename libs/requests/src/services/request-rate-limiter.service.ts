import { WaslConfig } from '@app/config';
import { InjectRedis } from '@app/queue';
import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';

export interface RequestRateLimit {
  limit: number;
  windowMilliseconds: number;
}

// The public form: a person files a few requests, not dozens; mobile carriers put many people behind one address.
export const FORM_SUBMISSIONS_PER_ADDRESS: RequestRateLimit = { limit: 20, windowMilliseconds: 3_600_000 };
export const FORM_SUBMISSIONS_PER_PHONE: RequestRateLimit = { limit: 3, windowMilliseconds: 3_600_000 };
// Codes by SMS: ask again if one is late, never flood a number.
export const CODES_PER_REQUEST: RequestRateLimit = { limit: 3, windowMilliseconds: 15 * 60_000 };
export const CODES_PER_PHONE: RequestRateLimit = { limit: 6, windowMilliseconds: 3_600_000 };
export const UPLOADS_PER_REQUEST: RequestRateLimit = { limit: 30, windowMilliseconds: 3_600_000 };

// Fixed windows counted in Redis, so a limit holds across every gateway instance.
@Injectable()
export class RequestRateLimiter {
  private readonly prefix: string;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    config: WaslConfig,
  ) {
    this.prefix = `${config.redis.queuePrefix}:request-rate`;
  }

  async allows(subject: string, rule: RequestRateLimit): Promise<boolean> {
    const key = `${this.prefix}:${subject}`;
    try {
      const count = await this.redis.incr(key);
      if (count === 1) await this.redis.pexpire(key, rule.windowMilliseconds);
      return count <= rule.limit;
    } catch {
      // Redis down, as web chat's limiter: the form keeps working (requests are stored in the database), unthrottled
      // for that moment; codes need Redis anyway and fail on their own.
      return true;
    }
  }
}
