import { RedactingConsoleLogger } from '@app/common';
import { logLevelsUpTo, WaslConfig } from '@app/config';
import { LoggerService } from '@nestjs/common';
import { PinoLoggerService } from './pino-logger.service';

// LOG_FORMAT=json (the default, for production and containers) or pretty (Nest's console lines, for npm start).
export function createWaslLogger(config: Pick<WaslConfig, 'logFormat' | 'logLevel'>): LoggerService {
  if (config.logFormat === 'pretty') return new RedactingConsoleLogger({ logLevels: logLevelsUpTo(config.logLevel) });
  return new PinoLoggerService(config.logLevel);
}
