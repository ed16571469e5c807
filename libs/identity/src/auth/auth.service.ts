import { AuditAction, AuditService } from '@app/audit';
import { ApiErrorCode, ApiException } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { User } from '../entities/user.entity';
import { UserRole } from '../entities/user-role.enum';
import { AccessTokenService } from './access-token.service';
import { AuthenticatedSession, AuthenticatedUser } from './authenticated-user';
import { LoginThrottledException } from './login-throttled.exception';
import { LoginThrottleService } from './login-throttle.service';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password-hasher';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokens: AccessTokenService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  async login(
    email: string,
    password: string,
    clientAddress: string,
    organisationId?: string,
  ): Promise<{ accessToken: string; user: AuthenticatedUser }> {
    const normalisedEmail = email.trim().toLowerCase();
    const reservation = await this.throttle.reserve(normalisedEmail, clientAddress);
    if (!reservation.allowed) throw new LoginThrottledException(reservation.retryAfterSeconds);

    // The same address may be staff of several associations; the password tells which account is meant.
    const candidates = await this.users.findBy({ email: normalisedEmail, ...(organisationId ? { organisationId } : {}) });
    const matches: User[] = [];
    if (candidates.length === 0) await verifyPassword(password, DUMMY_PASSWORD_HASH);
    for (const candidate of candidates) if (await verifyPassword(password, candidate.passwordHash)) matches.push(candidate);

    if (matches.length > 1) {
      await this.throttle.succeeded(normalisedEmail, clientAddress);
      throw new ApiException(ApiErrorCode.Conflict, 'This e-mail belongs to several organisations; say which one', [
        { field: 'organisationId', message: 'is required for this account' },
      ]);
    }
    const user = matches[0];
    if (!user || !user.active) {
      await this.throttle.failed(normalisedEmail, clientAddress);
      const reason = user ? 'inactive' : 'wrong-password';
      for (const candidate of candidates) await this.recordLogin(AuditAction.LoginFailed, candidate, clientAddress, reason);
      throw new ApiException(ApiErrorCode.Unauthenticated, 'Wrong e-mail or password');
    }
    await this.throttle.succeeded(normalisedEmail, clientAddress);
    await this.recordLogin(AuditAction.LoginSucceeded, user, clientAddress);
    const accessToken = this.tokens.sign({ sub: user.id, org: user.organisationId, role: user.role, ver: user.sessionVersion });
    return { accessToken, user: this.toAuthenticatedUser(user) };
  }

  // Resolves a bearer token to a live user; deactivation or a password reset ends the token at once.
  async authenticate(token: string): Promise<AuthenticatedUser | undefined> {
    return (await this.authenticateSession(token))?.user;
  }

  async authenticateSession(token: string): Promise<AuthenticatedSession | undefined> {
    const claims = this.tokens.verify(token);
    if (!claims?.exp) return undefined;
    const user = await this.users.findOneBy({ id: claims.sub, organisationId: claims.org });
    if (!user || !user.active || user.sessionVersion !== (claims.ver ?? 0)) return undefined;
    return { user: this.toAuthenticatedUser(user), sessionVersion: user.sessionVersion, expiresAt: new Date(claims.exp * 1000) };
  }

  // The sessions that may stay open: the active users among these, with their role and session version now.
  async liveSessions(userIds: string[]): Promise<Map<string, { role: UserRole; sessionVersion: number }>> {
    if (userIds.length === 0) return new Map();
    const users = await this.users.findBy({ id: In(userIds), active: true });
    return new Map(users.map((user) => [user.id, { role: user.role, sessionVersion: user.sessionVersion }]));
  }

  // A signed-in user proving they know their current password (to change it), throttled like a login.
  async verifyCurrentPassword(user: User, password: string, clientAddress: string): Promise<boolean> {
    const reservation = await this.throttle.reserve(user.email, clientAddress);
    if (!reservation.allowed) throw new LoginThrottledException(reservation.retryAfterSeconds);
    const valid = await verifyPassword(password, user.passwordHash);
    await (valid ? this.throttle.succeeded(user.email, clientAddress) : this.throttle.failed(user.email, clientAddress));
    return valid;
  }

  private async recordLogin(action: AuditAction, user: User, clientAddress: string, reason?: string): Promise<void> {
    await this.audit.record({
      organisationId: user.organisationId,
      // A failure's actor is whoever typed the password, not the account's owner.
      actorUserId: action === AuditAction.LoginSucceeded ? user.id : null,
      action,
      subjectType: 'user',
      subjectId: user.id,
      details: { address: clientAddress, ...(reason ? { reason } : {}) },
    });
  }

  private toAuthenticatedUser(user: User): AuthenticatedUser {
    return { id: user.id, organisationId: user.organisationId, role: user.role, name: user.name, locale: user.locale };
  }
}
