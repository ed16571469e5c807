import type { FastifyReply } from 'fastify';

// The beneficiary's pages (support requests, volunteering, suggestions and complaints): nothing inline, nothing from
// elsewhere, never framed, forms posted to this origin only.
const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function sendPublicPage(response: FastifyReply, status: number, html: string): void {
  response
    .status(status)
    .headers({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PAGE_POLICY,
      'cache-control': 'no-store',
      'x-frame-options': 'DENY',
    })
    .send(html);
}

// 303 after a form's POST: the browser follows with a GET, so a reload never posts the form again.
export function redirectAfterPost(response: FastifyReply, location: string): void {
  response.status(303).header('location', location).header('cache-control', 'no-store').send();
}
