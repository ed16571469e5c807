import { ApiErrorCode, ApiException } from '@app/common';
import { WaslConfig } from '@app/config';
import { InjectRedis } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { Repository } from 'typeorm';
import { User } from '../entities/user.entity';
import { AccessTokenService } from './access-token.service';
import { AuthenticatedUser } from './authenticated-user';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password-hasher';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRedis() private readonly redis: Redis,
    private readonly tokens: AccessTokenService,
    private readonly config: WaslConfig,
  ) {}

  async login(email: string, password: string, clientAddress: string): Promise<{ accessToken: string; user: AuthenticatedUser }> {
    const normalisedEmail = email.trim().toLowerCase();
    // Throttled per account and per client address, so guessing one account or many from one place both stop.
    const prefix = `${this.config.redis.queuePrefix}:login-failures`;
    const keys = [`${prefix}:account:${normalisedEmail}`, `${prefix}:address:${clientAddress}`];
    const counts = await this.redis.mget(...keys);
    const { loginMaxFailures, loginLockSeconds } = this.config.security;
    const accountLimited = Number(counts[0] ?? 0) >= loginMaxFailures;
    const addressLimited = Number(counts[1] ?? 0) >= loginMaxFailures * 4;
    if (accountLimited || addressLimited) {
      throw new ApiException(ApiErrorCode.RateLimited, `Too many failed logins; try again in ${Math.ceil(loginLockSeconds / 60)} minutes`);
    }

    const user = await this.users.findOneBy({ email: normalisedEmail });
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!user || !valid || !user.active) {
      const pipeline = this.redis.multi();
      for (const key of keys) pipeline.incr(key).expire(key, loginLockSeconds);
      await pipeline.exec();
      throw new ApiException(ApiErrorCode.Unauthenticated, 'Wrong e-mail or password');
    }
    await this.redis.del(keys[0]);
    const accessToken = this.tokens.sign({ sub: user.id, org: user.organisationId, role: user.role });
    return { accessToken, user: { id: user.id, organisationId: user.organisationId, role: user.role, name: user.name } };
  }

  // Resolves a bearer token to a live user; a deactivated user's token stops working at once.
  async authenticate(token: string): Promise<AuthenticatedUser | undefined> {
    const claims = this.tokens.verify(token);
    if (!claims) return undefined;
    const user = await this.users.findOneBy({ id: claims.sub, organisationId: claims.org });
    if (!user || !user.active) return undefined;
    return { id: user.id, organisationId: user.organisationId, role: user.role, name: user.name };
  }
}
