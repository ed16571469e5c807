import { AuditAction, AuditService } from '@app/audit';
import { ApiErrorCode, ApiException } from '@app/common';
import { TransactionRunner } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, LessThan, Repository } from 'typeorm';
import { RevokedStaffToken } from '../entities/revoked-staff-token.entity';
import { User } from '../entities/user.entity';
import { UserRole } from '../entities/user-role.enum';
import { AccessTokenService } from './access-token.service';
import { AuthenticatedSession, AuthenticatedUser } from './authenticated-user';
import { LoginThrottledException } from './login-throttled.exception';
import { LoginThrottleService } from './login-throttle.service';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password-hasher';

// What a logout ended: that one token, or (a token from before tokens had ids) every session of the user.
export interface EndedSession {
  user: AuthenticatedUser;
  tokenId?: string;
  allSessions: boolean;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(RevokedStaffToken) private readonly revokedTokens: Repository<RevokedStaffToken>,
    private readonly tokens: AccessTokenService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
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
    const accessToken = this.tokens.sign({
      sub: user.id,
      org: user.organisationId,
      role: user.role,
      ver: user.sessionVersion,
      jti: randomUUID(),
    });
    return { accessToken, user: this.toAuthenticatedUser(user) };
  }

  // Resolves a bearer token to a live user; deactivation or a password reset ends the token at once.
  async authenticate(token: string): Promise<AuthenticatedUser | undefined> {
    return (await this.authenticateSession(token))?.user;
  }

  // One query per request: the user, unless this token was ended by a logout.
  async authenticateSession(token: string): Promise<AuthenticatedSession | undefined> {
    const claims = this.tokens.verify(token);
    if (!claims?.exp) return undefined;
    const query = this.users
      .createQueryBuilder('user')
      .where('user.id = :userId AND user.organisationId = :organisationId', { userId: claims.sub, organisationId: claims.org });
    if (claims.jti) {
      query.andWhere(
        (builder) =>
          `NOT EXISTS ${builder.subQuery().select('1').from(RevokedStaffToken, 'revoked').where('revoked.tokenId = :tokenId').getQuery()}`,
        { tokenId: claims.jti },
      );
    }
    const user = await query.getOne();
    if (!user || !user.active || user.sessionVersion !== (claims.ver ?? 0)) return undefined;
    return {
      user: this.toAuthenticatedUser(user),
      sessionVersion: user.sessionVersion,
      expiresAt: new Date(claims.exp * 1000),
      ...(claims.jti ? { tokenId: claims.jti } : {}),
    };
  }

  // Logout: this token stops at once on every gateway (every request reads the revocation with the user). Rows of
  // tokens that have expired by now are deleted on the way, so the list holds only tokens that could still work.
  async endSession(token: string, clientAddress: string): Promise<EndedSession | undefined> {
    const session = await this.authenticateSession(token);
    if (!session) return undefined;
    const { user, tokenId } = session;
    const now = new Date();
    await this.transactions.run(async (manager) => {
      await manager.delete(RevokedStaffToken, { expiresAt: LessThan(now) });
      if (tokenId) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(RevokedStaffToken)
          .values({ tokenId, organisationId: user.organisationId, userId: user.id, expiresAt: session.expiresAt, revokedAt: now })
          .orIgnore()
          .execute();
      } else {
        // Without an id the token cannot be told from the user's others: all of them end.
        await manager.increment(User, { id: user.id, organisationId: user.organisationId }, 'sessionVersion', 1);
      }
      await this.audit.record(
        {
          organisationId: user.organisationId,
          actorUserId: user.id,
          action: AuditAction.LoggedOut,
          subjectType: 'user',
          subjectId: user.id,
          details: { address: clientAddress, allSessions: !tokenId },
        },
        manager,
      );
    });
    return { user, ...(tokenId ? { tokenId } : {}), allSessions: !tokenId };
  }

  // Of these token ids, the ones a logout ended (the periodic check of open sockets).
  async revokedAmong(tokenIds: string[]): Promise<Set<string>> {
    if (tokenIds.length === 0) return new Set();
    const rows = await this.revokedTokens.find({ where: { tokenId: In(tokenIds) }, select: { tokenId: true } });
    return new Set(rows.map((row) => row.tokenId));
  }

  // The sessions that may stay open: the active users among these, with their role and session version now.
  async liveSessions(userIds: string[]): Promise<Map<string, { role: UserRole; sessionVersion: number }>> {
    if (userIds.length === 0) return new Map();
    const users = await this.users.findBy({ id: In(userIds), active: true });
    return new Map(users.map((user) => [user.id, { role: user.role, sessionVersion: user.sessionVersion }]));
  }

  // Login throttling is per e-mail address (a keyed hash of it), so unlocking an account frees that address in
  // every organisation it is staff of; the right password would have cleared it just the same.
  async unlockLogin(user: User): Promise<boolean> {
    return this.throttle.clearAccount(user.email);
  }

  async loginBlockedUntil(emails: string[]): Promise<Map<string, Date>> {
    return this.throttle.blockedUntil(emails);
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
