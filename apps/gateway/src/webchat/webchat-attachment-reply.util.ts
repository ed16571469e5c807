import type { FastifyReply } from 'fastify';

// Sends a stored upload so that the browser never runs it: its checked type, no sniffing, no caching of personal data.
export function sendAttachment(response: FastifyReply, file: { content: Buffer; contentType: string }): void {
  response
    .status(200)
    .headers({
      'content-type': file.contentType,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
      'cross-origin-resource-policy': 'cross-origin',
      'cache-control': 'private, no-store',
      // Images and audio open in the page; a PDF or unknown bytes are downloaded rather than rendered on the gateway's origin.
      'content-disposition': /^(image|audio|video)\//.test(file.contentType) ? 'inline' : 'attachment',
    })
    .send(file.content);
}
