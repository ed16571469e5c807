import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';

// Sends a stored upload so that the browser never runs it: its checked type, no sniffing, no caching of personal data.
// Streamed from the attachment store (disk or object storage), never read whole.
export function sendAttachment(
  response: FastifyReply,
  file: { stream: Readable; sizeBytes: number; contentType: string; fileName?: string },
): void {
  // Images and audio open in the page; a PDF or unknown bytes are downloaded rather than rendered on the gateway's origin.
  const disposition = /^(image|audio|video)\//.test(file.contentType) ? 'inline' : 'attachment';
  response
    .status(200)
    .headers({
      'content-type': file.contentType,
      'content-length': String(file.sizeBytes),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
      'cross-origin-resource-policy': 'cross-origin',
      'cache-control': 'private, no-store',
      // The name as the officer gave it, for whoever saves the file (Twilio passes it on with the MMS).
      'content-disposition': file.fileName ? `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}` : disposition,
    })
    .send(file.stream);
}
