import { WaslConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';

// What a signed link opens: the request's status page, or its attestation page (the data and the code form), or the
// page where a volunteering or feedback form's sender proves their number (`/forms/k/…`).
export type RequestLinkPurpose = 'status' | 'attest' | 'kind';

export interface RequestLink {
  organisationId: string;
  requestId: string;
  purpose: RequestLinkPurpose;
  expiresAt: number;
}

const PURPOSES: readonly RequestLinkPurpose[] = ['status', 'attest', 'kind'];

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const LIFETIME_MILLISECONDS: Record<RequestLinkPurpose, number> = {
  // The beneficiary follows their request for weeks: the committee alone takes at least two.
  status: 120 * 86_400_000,
  attest: 2 * 86_400_000,
  kind: 2 * 86_400_000,
};

// Links to a beneficiary's pages, signed so that only Wasl can make one: `/forms/r/<payload>.<signature>`. The key is
// derived from WASL_JWT_SECRET for this use alone, so the link key and the token key never coincide.
@Injectable()
export class RequestLinksService {
  private readonly key: Buffer;
  private readonly publicUrl: string;

  constructor(config: WaslConfig) {
    this.key = createHmac('sha256', config.security.jwtSecret).update('wasl-request-links-v1').digest();
    this.publicUrl = config.http.publicUrl.replace(/\/$/, '');
  }

  // Compact, so the link fits an SMS and a URL path segment: the two ids, the purpose and the expiry in 37 bytes, and
  // 128 bits of the signature.
  token(organisationId: string, requestId: string, purpose: RequestLinkPurpose, now = Date.now()): string {
    const payload = Buffer.alloc(37);
    Buffer.from(organisationId.replaceAll('-', ''), 'hex').copy(payload, 0);
    Buffer.from(requestId.replaceAll('-', ''), 'hex').copy(payload, 16);
    payload.writeUInt8(PURPOSES.indexOf(purpose), 32);
    payload.writeUInt32BE(Math.floor((now + LIFETIME_MILLISECONDS[purpose]) / 1000), 33);
    const encoded = payload.toString('base64url');
    return `${encoded}.${this.sign(encoded)}`;
  }

  url(organisationId: string, requestId: string, purpose: RequestLinkPurpose): string {
    return `${this.publicUrl}/forms/r/${this.token(organisationId, requestId, purpose)}`;
  }

  // The link's content when its signature is right and it has not expired; anything else opens nothing.
  read(token: unknown, now = Date.now()): RequestLink | undefined {
    if (typeof token !== 'string' || token.length > 120) return undefined;
    const [encoded, signature, extra] = token.split('.');
    if (!encoded || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(this.sign(encoded));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const payload = Buffer.from(encoded, 'base64url');
    if (payload.length !== 37) return undefined;
    const purpose = PURPOSES[payload.readUInt8(32)];
    const expiresAt = payload.readUInt32BE(33) * 1000;
    if (!purpose || expiresAt <= now) return undefined;
    return { organisationId: uuidOf(payload.subarray(0, 16)), requestId: uuidOf(payload.subarray(16, 32)), purpose, expiresAt };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, 16).toString('base64url');
  }
}
