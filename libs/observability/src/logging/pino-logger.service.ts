import { currentRequestId, redactForLog } from '@app/common';
import { LogLevel } from '@app/config';
import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger } from 'pino';

// Nest's levels onto pino's: `log` is pino's info, `verbose` its trace.
const PINO_LEVEL_OF: Record<LogLevel, pino.Level> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

type Method = 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'fatal';

// One JSON object per line: time, level, context (the Nest logger's name), requestId when a request or a job it
// caused is being handled, msg, and for objects their fields after redactForLog, so secret and personal fields never
// reach the log whoever logs a row, a job or a body.
export class PinoLoggerService implements LoggerService {
  private readonly logger: Logger;

  // process.stdout: synchronous on Linux for files, terminals and pipes alike, so no line is lost at a crash.
  constructor(level: LogLevel, destination: DestinationStream = process.stdout) {
    this.logger = pino(
      {
        level: PINO_LEVEL_OF[level],
        base: { pid: process.pid },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        mixin: () => {
          const requestId = currentRequestId();
          return requestId === undefined ? {} : { requestId };
        },
      },
      destination,
    );
  }

  log(message: unknown, ...optional: unknown[]): void {
    this.write('info', message, optional);
  }

  error(message: unknown, ...optional: unknown[]): void {
    // Nest passes (message, stack, context) for errors.
    const [stack, ...rest] = optional;
    if (typeof stack === 'string' && stack.includes('\n')) this.write('error', message, rest, stack);
    else this.write('error', message, optional);
  }

  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, optional);
  }

  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }

  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('trace', message, optional);
  }

  fatal(message: unknown, ...optional: unknown[]): void {
    this.write('fatal', message, optional);
  }

  // Nest gives the context last when there is one.
  private write(method: Method, message: unknown, optional: unknown[], stack?: string): void {
    if (!this.logger.isLevelEnabled(method)) return;
    const context = typeof optional.at(-1) === 'string' ? (optional.at(-1) as string) : undefined;
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    if (stack !== undefined) fields.stack = stack;
    if (message instanceof Error) {
      this.logger[method]({ ...fields, err: { type: message.name, message: message.message, stack: message.stack } }, message.message);
    } else if (message !== null && typeof message === 'object') {
      this.logger[method]({ ...fields, data: redactForLog(message) });
    } else {
      this.logger[method](fields, String(message));
    }
  }
}
