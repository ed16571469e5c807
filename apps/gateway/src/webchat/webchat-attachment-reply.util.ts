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
      // Images open in the page; a PDF is downloaded rather than rendered on the gateway's origin.
      'content-disposition': file.contentType === 'application/pdf' ? 'attachment' : 'inline',
    })
    .send(file.stream);
}
