import { RedactingConsoleLogger } from './redacting-console.logger';

describe('RedactingConsoleLogger', () => {
  it('should print a logged object without its secret and personal fields, and strings as they are', () => {
    const written: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const logger = new RedactingConsoleLogger('Test', { logLevels: ['log'], colors: false });
      logger.log({ id: 'u-1', passwordHash: 'scrypt$16384$secret', contact: { phone: '+966551234567', name: 'نورة' } });
      logger.log('plain line');
    } finally {
      stdout.mockRestore();
    }
    const log = written.join('');
    expect(log).toContain('u-1');
    expect(log).toContain('[redacted]');
    expect(log).toContain('plain line');
    expect(log).not.toMatch(/scrypt|966551234567|نورة/);
  });
});
