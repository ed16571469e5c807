import { ApiErrorCode, ApiException } from '@app/common';
import type { FastifyRequest } from 'fastify';

// Reads a raw upload (application/octet-stream, which the body parsers leave unread) and stops at `limit` bytes.
export async function readLimitedBody(request: FastifyRequest, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request.raw as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      request.raw.unpipe();
      throw new ApiException(ApiErrorCode.PayloadTooLarge, `Files may be at most ${limit / 1024 / 1024} MB`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
