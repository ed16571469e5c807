import { ApiException } from '@app/common';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// Opaque keyset cursor: the sort key of the last item seen, so pages stay stable while new rows arrive.
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime())) throw ApiException.validation([{ field: 'cursor', message: 'is not a cursor from this API' }]);
  return { at: date, id };
}
