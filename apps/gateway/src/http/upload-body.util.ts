import { ApiErrorCode, ApiException, normaliseText } from '@app/common';
import type { FastifyRequest } from 'fastify';

function tooLarge(limit: number): ApiException {
  const size = `${limit / 1024 / 1024} MB`;
  return new ApiException(ApiErrorCode.PayloadTooLarge, `Files may be at most ${size}`, [
    { field: 'file', message: `must be at most ${size}` },
  ]);
}

// An upload's bytes, from a body the JSON parsers leave unread (application/octet-stream). A declared length over the
// limit is refused before anything is read; a body that turns out longer stops being read at the limit.
export async function readUploadBody(request: FastifyRequest, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request.raw as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      request.raw.unpipe();
      throw tooLarge(limit);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

// X-File-Name carries the name percent-encoded (an HTTP header is not UTF-8 text).
export function uploadFileName(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  try {
    return (
      normaliseText(decodeURIComponent(header), { singleLine: true })
        .replace(/[\\/"<>]/g, '')
        .trim() || undefined
    );
  } catch {
    return undefined;
  }
}
