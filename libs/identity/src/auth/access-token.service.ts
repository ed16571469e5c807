import { WaslConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims } from './authenticated-user';

@Injectable()
export class AccessTokenService {
  private readonly jwt: JwtService;

  constructor(config: WaslConfig) {
    this.jwt = new JwtService({
      secret: config.security.jwtSecret,
      signOptions: { expiresIn: config.security.accessTokenTtlSeconds, algorithm: 'HS256', issuer: 'wasl' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'wasl' },
    });
  }

  sign(claims: AccessTokenClaims): string {
    return this.jwt.sign(claims);
  }

  // Returns undefined for any token that is malformed, forged or expired.
  verify(token: string): AccessTokenClaims | undefined {
    try {
      return this.jwt.verify<AccessTokenClaims>(token);
    } catch {
      return undefined;
    }
  }
}
