import { createHash, timingSafeEqual } from 'node:crypto';

// GET /metrics takes `Authorization: Bearer <METRICS_TOKEN>`, compared in constant time (digests of equal length).
export function metricsAccessAllowed(authorization: string | undefined, token: string): boolean {
  if (!authorization?.startsWith('Bearer ')) return false;
  const offered = createHash('sha256').update(authorization.slice(7).trim()).digest();
  return timingSafeEqual(offered, createHash('sha256').update(token).digest());
}
