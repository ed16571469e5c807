import { ApiException } from '@app/common';
import { isUUID } from 'class-validator';

// What toISOString writes, years 0000 to 9999 only.
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// Opaque keyset cursor: the sort key of the last item seen, so pages stay stable while new rows arrive.
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

// Anything else (a forged id, a date PostgreSQL cannot hold) would reach the query: refused as a 400 here.
export function decodeCursor(cursor: string): { at: Date; id: string } {
  const parts = typeof cursor === 'string' ? Buffer.from(cursor, 'base64url').toString('utf8').split('|') : [];
  const [at = '', id = ''] = parts;
  const date = new Date(at);
  const valid = parts.length === 2 && isUUID(id) && ISO_TIMESTAMP.test(at) && !Number.isNaN(date.getTime());
  if (!valid) throw ApiException.validation([{ field: 'cursor', message: 'is not a cursor from this API' }]);
  return { at: date, id };
}
