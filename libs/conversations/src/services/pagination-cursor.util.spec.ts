import { ApiException } from '@app/common';
import { decodeCursor, encodeCursor } from './pagination-cursor.util';

describe(decodeCursor.name, () => {
  it('should read back what encodeCursor wrote', () => {
    const at = new Date('2026-01-02T03:04:05.678Z');
    expect(decodeCursor(encodeCursor(at, '6f1c1c2e-8a9b-4c3d-9e8f-0a1b2c3d4e5f'))).toEqual({
      at,
      id: '6f1c1c2e-8a9b-4c3d-9e8f-0a1b2c3d4e5f',
    });
  });

  it('should refuse a cursor whose id is not a UUID or whose date PostgreSQL cannot hold, with a 400', () => {
    const forged = (text: string) => Buffer.from(text).toString('base64url');
    for (const cursor of [
      forged('2026-01-02T03:04:05.678Z|not-a-uuid'),
      forged('+275760-09-13T00:00:00.000Z|6f1c1c2e-8a9b-4c3d-9e8f-0a1b2c3d4e5f'),
      '%%%',
      '',
    ]) {
      expect(() => decodeCursor(cursor)).toThrow(ApiException);
    }
  });
});
