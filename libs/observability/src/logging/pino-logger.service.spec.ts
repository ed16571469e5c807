import { runWithRequestId } from '@app/common';
import { Writable } from 'node:stream';
import { PinoLoggerService } from './pino-logger.service';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe(PinoLoggerService.name, () => {
  it('should write one JSON line per log with its level, context and the request id being handled', () => {
    const { stream, lines } = capture();
    const sut = new PinoLoggerService('log', stream);
    sut.log('Gateway listening', 'Gateway');
    runWithRequestId('req-42', () => sut.warn('Callback answered HTTP 503', 'Jobs'));
    sut.debug('not printed at LOG_LEVEL=log', 'Jobs');
    expect(lines()).toEqual([
      expect.objectContaining({ level: 'info', context: 'Gateway', msg: 'Gateway listening' }),
      expect.objectContaining({ level: 'warn', context: 'Jobs', msg: 'Callback answered HTTP 503', requestId: 'req-42' }),
    ]);
    expect(lines()[0]).not.toHaveProperty('requestId');
  });

  it('should replace secret and personal fields of a logged object, and keep an error stack', () => {
    const { stream, lines } = capture();
    const sut = new PinoLoggerService('log', stream);
    sut.log({ id: 'c-1', phone: '+966551234567', nested: { authToken: 'tok-secret', name: 'نورة' } }, 'Contacts');
    sut.error('Send failed', 'Error: boom\n    at send (adapter.ts:1:1)', 'Outbound');
    const [object, error] = lines();
    expect(object).toMatchObject({
      context: 'Contacts',
      data: { id: 'c-1', phone: '[redacted]', nested: { authToken: '[redacted]', name: '[redacted]' } },
    });
    expect(JSON.stringify(object)).not.toMatch(/966551234567|tok-secret|نورة/);
    expect(error).toMatchObject({ level: 'error', context: 'Outbound', msg: 'Send failed', stack: expect.stringContaining('at send') });
  });
});
