import { WaslConfig } from '@app/config';
import { InjectRedis } from '@app/queue';
import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createHmac } from 'node:crypto';

export type LoginReservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// The first wait once an account's free attempts are used; it doubles per further failure up to LOGIN_MAX_DELAY_SECONDS.
const FIRST_DELAY_MILLISECONDS = 2_000;

// Check and count in one step: an attempt is reserved before the password is verified, so parallel guesses beyond
// the limit are refused without being evaluated. KEYS: account, address. Answers [1] or [0, retry-after ms].
const RESERVE_SCRIPT = `
local now = tonumber(ARGV[1])
local free = tonumber(ARGV[2])
local firstDelay = tonumber(ARGV[3])
local maxDelay = tonumber(ARGV[4])
local window = tonumber(ARGV[5])
local addressLimit = tonumber(ARGV[6])
local blockedUntil = tonumber(redis.call('HGET', KEYS[1], 'blockedUntil') or '0')
if blockedUntil > now then return {0, blockedUntil - now} end
local addressCount = tonumber(redis.call('GET', KEYS[2]) or '0')
if addressCount >= addressLimit then return {0, math.max(redis.call('PTTL', KEYS[2]), 1000)} end
local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
if attempts >= free then
  redis.call('HSET', KEYS[1], 'blockedUntil', now + math.min(maxDelay, firstDelay * 2 ^ (attempts - free)))
end
redis.call('PEXPIRE', KEYS[1], window)
if redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], window) end
return {1}
`;

// A failed attempt keeps its reservation; the wait it earned counts from the answer, not from the request.
const FAILED_SCRIPT = `
local now = tonumber(ARGV[1])
local free = tonumber(ARGV[2])
local firstDelay = tonumber(ARGV[3])
local maxDelay = tonumber(ARGV[4])
local attempts = tonumber(redis.call('HGET', KEYS[1], 'attempts') or '0')
if attempts >= free then
  redis.call('HSET', KEYS[1], 'blockedUntil', now + math.min(maxDelay, firstDelay * 2 ^ (attempts - free)))
end
return 1
`;

// Success: the account's record goes and the address gets its reservation back (never below zero).
const SUCCEEDED_SCRIPT = `
redis.call('DEL', KEYS[1])
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
return 1
`;

// Per account, failures slow the next attempt progressively (never a long lock the real user cannot get out of);
// per client address, a fixed budget of LOGIN_MAX_FAILURES x 4 failures per LOGIN_LOCK_SECONDS.
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: WaslConfig,
  ) {}

  async reserve(email: string, clientAddress: string): Promise<LoginReservation> {
    const { loginMaxFailures, loginLockSeconds, loginMaxDelaySeconds } = this.config.security;
    const answer = (await this.redis.eval(
      RESERVE_SCRIPT,
      2,
      ...this.keys(email, clientAddress),
      Date.now(),
      loginMaxFailures,
      FIRST_DELAY_MILLISECONDS,
      loginMaxDelaySeconds * 1000,
      loginLockSeconds * 1000,
      loginMaxFailures * 4,
    )) as number[];
    if (answer[0] === 1) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(answer[1] / 1000)) };
  }

  async failed(email: string, clientAddress: string): Promise<void> {
    const { loginMaxFailures, loginMaxDelaySeconds } = this.config.security;
    const [account] = this.keys(email, clientAddress);
    await this.redis.eval(FAILED_SCRIPT, 1, account, Date.now(), loginMaxFailures, FIRST_DELAY_MILLISECONDS, loginMaxDelaySeconds * 1000);
  }

  // The right password clears the account's record and gives the address its reservation back.
  async succeeded(email: string, clientAddress: string): Promise<void> {
    const [account, address] = this.keys(email, clientAddress);
    await this.redis.eval(SUCCEEDED_SCRIPT, 2, account, address);
  }

  // An administrator's unlock: the account's failures and wait are forgotten (client addresses keep their budget).
  async clearAccount(email: string): Promise<boolean> {
    return (await this.redis.del(this.accountKey(email))) > 0;
  }

  // Until when each of these accounts must wait before its next attempt; accounts free to try are left out.
  async blockedUntil(emails: string[]): Promise<Map<string, Date>> {
    if (emails.length === 0) return new Map();
    const now = Date.now();
    const values = await Promise.all(emails.map((email) => this.redis.hget(this.accountKey(email), 'blockedUntil')));
    return new Map(
      emails.flatMap((email, index) => {
        const until = Number(values[index] ?? 0);
        return until > now ? [[email, new Date(until)] as const] : [];
      }),
    );
  }

  // No e-mail address in a Redis key name: the account is named by a keyed hash of it.
  private keys(email: string, clientAddress: string): [string, string] {
    return [this.accountKey(email), `${this.config.redis.queuePrefix}:login:address:${clientAddress}`];
  }

  private accountKey(email: string): string {
    const account = createHmac('sha256', this.config.security.jwtSecret).update(`login-throttle:${email}`).digest('hex').slice(0, 32);
    return `${this.config.redis.queuePrefix}:login:account:${account}`;
  }
}
