import { UserRole } from '../entities/user-role.enum';

export interface AccessTokenClaims {
  sub: string;
  org: string;
  role: UserRole;
}

// Who is calling, as every service that acts for a staff member receives it.
export interface AuthenticatedUser {
  id: string;
  organisationId: string;
  role: UserRole;
  name: string;
}
