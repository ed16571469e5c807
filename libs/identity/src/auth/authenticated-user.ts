import { UserLocale } from '../entities/user-locale.enum';
import { UserRole } from '../entities/user-role.enum';

export interface AccessTokenClaims {
  sub: string;
  org: string;
  role: UserRole;
  // The user's session version when the token was issued; tokens issued before sessions were versioned carry none.
  ver?: number;
  // The token's own id, so one session can be ended (logout) without ending the user's others; tokens issued
  // before logout revoked them carry none.
  jti?: string;
  // Set by the JWT library: expiry in seconds since the epoch.
  exp?: number;
}

// Who is calling, as every service that acts for a staff member receives it.
export interface AuthenticatedUser {
  id: string;
  organisationId: string;
  role: UserRole;
  name: string;
  // The interface language the user chose (the web app applies it at login); null or absent: not chosen yet.
  locale?: UserLocale | null;
}

// A verified token's user and what a long-lived connection needs to notice the session ending.
export interface AuthenticatedSession {
  user: AuthenticatedUser;
  sessionVersion: number;
  expiresAt: Date;
  tokenId?: string;
}
