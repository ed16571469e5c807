import { WaslConfig } from '@app/config';
import { InjectRedis } from '@app/queue';
import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

const CODE_LIFETIME_MILLISECONDS = 30 * 60_000;
// Six digits and five tries: a guesser's chance per code is 1 in 200,000.
const MAX_ATTEMPTS = 5;

export type CodePurpose = 'verify-phone' | 'attest' | 'verify-kind-phone';

export type CodeCheck = { ok: true; phone: string; bound: string } | { ok: false; reason: 'none' | 'wrong' | 'too_many' };

// Six-digit codes sent by SMS (the public form's phone check, the attestation). Only an HMAC of the code lives in
// Redis, for half an hour, keyed by a secret derived from WASL_JWT_SECRET; a code is good once. `bound` is what the
// code was issued for (the data hash of an attestation), returned so the caller can check it still holds.
@Injectable()
export class OneTimeCodesService {
  private readonly key: Buffer;
  private readonly prefix: string;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    config: WaslConfig,
  ) {
    this.key = createHmac('sha256', config.security.jwtSecret).update('wasl-request-codes-v1').digest();
    this.prefix = `${config.redis.queuePrefix}:request-code`;
  }

  async issue(purpose: CodePurpose, requestId: string, phone: string, bound = ''): Promise<string> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const key = this.keyOf(purpose, requestId);
    await this.redis
      .multi()
      .del(key)
      .hset(key, { phone, bound, digest: this.digest(purpose, requestId, phone, code), attempts: 0 })
      .pexpire(key, CODE_LIFETIME_MILLISECONDS)
      .exec();
    return code;
  }

  async forget(purpose: CodePurpose, requestId: string): Promise<void> {
    await this.redis.del(this.keyOf(purpose, requestId));
  }

  async check(purpose: CodePurpose, requestId: string, code: string): Promise<CodeCheck> {
    const key = this.keyOf(purpose, requestId);
    const [[, attempts], [, challenge]] = (await this.redis.multi().hincrby(key, 'attempts', 1).hgetall(key).exec()) as [
      [unknown, number],
      [unknown, Record<string, string>],
    ];
    if (!challenge?.digest || !challenge.phone) {
      await this.redis.del(key);
      return { ok: false, reason: 'none' };
    }
    if (attempts > MAX_ATTEMPTS) {
      await this.redis.del(key);
      return { ok: false, reason: 'too_many' };
    }
    const expected = Buffer.from(challenge.digest, 'hex');
    const given = Buffer.from(this.digest(purpose, requestId, challenge.phone, code), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'wrong' };
    // Two submissions of the right code at the same moment: only one deletes it.
    if ((await this.redis.del(key)) !== 1) return { ok: false, reason: 'none' };
    return { ok: true, phone: challenge.phone, bound: challenge.bound ?? '' };
  }

  private keyOf(purpose: CodePurpose, requestId: string): string {
    return `${this.prefix}:${purpose}:${requestId}`;
  }

  private digest(purpose: CodePurpose, requestId: string, phone: string, code: string): string {
    return createHmac('sha256', this.key).update(`${purpose}|${requestId}|${phone}|${code}`).digest('hex');
  }
}
