import { ApiErrorCode, ApiException } from '@app/common';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UserRole } from '../entities/user-role.enum';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import { AuthService } from './auth.service';
import { CSRF_COOKIE, CSRF_HEADER, readCookie, SESSION_COOKIE } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Global guard: every route needs a staff bearer token (or the web app's session cookie) unless marked @Public();
// @Roles() narrows further.
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    // Without a bearer token, the web app's session cookie; the browser sends it on its own, so a change needs
    // the CSRF token as well.
    const cookie = bearer ? undefined : readCookie(request.headers.cookie, SESSION_COOKIE);
    if (cookie && !SAFE_METHODS.has(request.method)) {
      const csrf = readCookie(request.headers.cookie, CSRF_COOKIE);
      if (!csrf || request.headers[CSRF_HEADER] !== csrf)
        throw ApiException.forbidden(`The ${CSRF_HEADER} header must repeat the ${CSRF_COOKIE} cookie`);
    }
    const token = bearer ?? cookie;
    const user = token ? await this.auth.authenticate(token) : undefined;
    if (!user) throw new ApiException(ApiErrorCode.Unauthenticated, 'A valid staff access token is required');
    request.user = user;

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(user.role)) throw ApiException.forbidden();
    return true;
  }
}
