import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { redactForLog } from './redact-for-log.util';
import { currentRequestId } from './request-context.util';

// Nest's console logger, with every logged object passed through redactForLog first: whoever logs a row, a job or a
// request body, its secret and personal fields never reach the log. Strings and errors are printed as they are. The
// request id, while a request or a job it caused is handled, follows the context: `[Gateway 2f6c…]`.
export class RedactingConsoleLogger extends ConsoleLogger {
  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    writeStreamType?: 'stdout' | 'stderr',
    errorStack?: unknown,
  ): void {
    const requestId = currentRequestId();
    super.printMessages(
      messages.map((message) => (message instanceof Error ? message : redactForLog(message))),
      requestId === undefined ? context : `${context ?? ''} ${requestId}`.trim(),
      logLevel,
      writeStreamType,
      errorStack,
    );
  }
}
