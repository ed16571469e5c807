import { HttpAdapterHost } from '@nestjs/core';
import { ApiExceptionFilter } from './api-exception.filter';

describe(ApiExceptionFilter.name, () => {
  function answerTo(exception: unknown): { status: number; body: { code: string } } {
    const answered: { status: number; body: { code: string } }[] = [];
    const httpAdapter = {
      isHeadersSent: () => false,
      setHeader: () => undefined,
      reply: (_response: unknown, body: { code: string }, status: number) => answered.push({ status, body }),
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
});
