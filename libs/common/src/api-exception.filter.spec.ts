import { HttpAdapterHost } from '@nestjs/core';
import { ApiExceptionFilter } from './api-exception.filter';

describe(ApiExceptionFilter.name, () => {
  function answerTo(exception: unknown): { status: number; body: { code: string }; headers: Record<string, string> } {
    const answered: { status: number; body: { code: string }; headers: Record<string, string> }[] = [];
    const headers: Record<string, string> = {};
    const httpAdapter = {
      isHeadersSent: () => false,
      setHeader: (_response: unknown, name: string, value: string) => (headers[name] = value),
      reply: (_response: unknown, body: { code: string }, status: number) => answered.push({ status, body, headers }),
    };
    const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => ({}) }) };
    new ApiExceptionFilter({ httpAdapter } as unknown as HttpAdapterHost).catch(exception, host as never);
    return answered[0];
  }

  it('should answer a unique violation from two concurrent creates with 409, not 500', () => {
    expect(answerTo(Object.assign(new Error('duplicate key'), { driverError: { code: '23505' } }))).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT' },
    });
    expect(answerTo(Object.assign(new Error('UNIQUE'), { driverError: { code: 'SQLITE_CONSTRAINT_UNIQUE' } })).status).toBe(409);
  });

  it('should answer a value the database cannot store with 400 and anything else with 500', () => {
    expect(answerTo(Object.assign(new Error('invalid byte sequence'), { driverError: { code: '22021' } })).status).toBe(400);
    expect(answerTo(new Error('boom')).status).toBe(500);
  });

  it('should answer an unreachable or restarting database with 503 and Retry-After, which providers retry', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), { driverError: { code: '57P01' } });
    const dropped = new Error('Connection terminated unexpectedly');
    const poolTimeout = new Error('timeout exceeded when trying to connect');
    const everyAddress = Object.assign(new AggregateError([refused]), { code: undefined });
    for (const exception of [refused, terminated, dropped, poolTimeout, everyAddress]) {
      const answer = answerTo(exception);
      expect(answer).toMatchObject({ status: 503, body: { code: 'UNAVAILABLE' } });
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(answerTo(new Error('boom')).headers['retry-after']).toBeUndefined();
  });
});
