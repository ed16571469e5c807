import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';

// Sends a stored upload so that the browser never runs it: its checked type, no sniffing, no caching of personal data.
// Streamed from the attachment store (disk or object storage), never read whole.
export function sendAttachment(response: FastifyReply, file: { stream: Readable; sizeBytes: number; contentType: string }): void {
  response
    .status(200)
    .headers({
      'content-type': file.contentType,
      'content-length': String(file.sizeBytes),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
      'cross-origin-resource-policy': 'cross-origin',
      'cache-control': 'private, no-store',
      // Images and audio open in the page; a PDF or unknown bytes are downloaded rather than rendered on the gateway's origin.
      'content-disposition': /^(image|audio|video)\//.test(file.contentType) ? 'inline' : 'attachment',
    })
    .send(file.stream);
}
