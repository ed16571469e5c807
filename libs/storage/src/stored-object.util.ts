import { StoredObject } from './attachment-store';

// The whole file in memory, for files bounded by their rule (a document, a reply's photo) that a caller hashes or
// uploads in one request; larger reads stay streams.
export async function readWholeObject(stored: StoredObject): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stored.stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
