import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { UserRole } from '../entities/user-role.enum';
import { AuthenticatedUser } from './authenticated-user';

export const PUBLIC_ROUTE = 'wasl:public-route';
export const REQUIRED_ROLES = 'wasl:required-roles';

// Webhooks, health and login: reachable without a staff token (webhooks verify their own signatures).
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => context.switchToHttp().getRequest().user,
);
