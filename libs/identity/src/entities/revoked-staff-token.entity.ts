import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Entity, Index } from 'typeorm';

// A staff access token ended before its expiry (logout). Every request's user lookup excludes these, so the token
// stops at once on every gateway; a row is useless once the token would have expired anyway and is then deleted.
@Entity('revoked_staff_tokens')
export class RevokedStaffToken {
  // The token's `jti`.
  @PrimaryUuidColumn() tokenId: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() userId: string;
  @TimestampColumn() @Index() expiresAt: Date;
  @TimestampColumn() revokedAt: Date;
}
