import { loadConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

describe('Failed queries in the log', () => {
  const directory = mkdtempSync(join(tmpdir(), 'wasl-query-log-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('should log a failed query without its parameters or the values in the driver message', async () => {
    const config = loadConfig({
      DATABASE_URL: '',
      SQLITE_PATH: join(directory, 'wasl.sqlite'),
      WASL_JWT_SECRET: 'x'.repeat(32),
      WASL_ENCRYPTION_KEY: 'a'.repeat(64),
    });
    const source = new DataSource(buildDataSourceOptions(config.database));
    const written: string[] = [];
    const capture = (chunk: unknown): boolean => {
      written.push(String(chunk));
      return true;
    };
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
    const consoleLog = jest.spyOn(console, 'log').mockImplementation((...items: unknown[]) => capture(items.join(' ')));
    const consoleError = jest.spyOn(console, 'error').mockImplementation((...items: unknown[]) => capture(items.join(' ')));
    const nestError = jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => capture(message));
    try {
      await source.initialize();
      await source.query('CREATE TABLE probe (password_hash TEXT NOT NULL CHECK (length(password_hash) < 5), text TEXT)');
      await expect(
        source.query('INSERT INTO probe (password_hash, text) VALUES (?, ?)', ['scrypt$16384$secret-hash', 'رقم هويتي 1234567890']),
      ).rejects.toThrow();
    } finally {
      for (const spy of [stdout, stderr, consoleLog, consoleError, nestError]) spy.mockRestore();
      if (source.isInitialized) await source.destroy();
    }
    const log = written.join('\n');
    expect(log).not.toContain('secret-hash');
    expect(log).not.toContain('1234567890');
    expect(log).toContain('Query failed');
    expect(log).toContain('INSERT INTO probe');
  });
});
