import { ApiException } from '@app/common';
import { ParseUUIDPipe } from '@nestjs/common';

// A malformed id in the path is simply an id that does not exist: 404, never a database error.
export function UuidParameter(what: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => ApiException.notFound(what) });
}
