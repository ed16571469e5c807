import 'reflect-metadata';
import { ConfigurationError, loadConfig, loadDotEnv, WaslConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import { createWorker, lowerWorkerPriority, startWorkerHealthServer } from './worker.bootstrap';

async function main(): Promise<void> {
  loadDotEnv();
  let config: WaslConfig;
  try {
    config = loadConfig(undefined, { WASL_ROLE: 'worker' });
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (config.role !== 'worker') {
    console.error(
      `Invalid configuration: WASL_ROLE must be "worker" for apps/worker (got "${config.role}"); run apps/gateway for "${config.role}".`,
    );
    process.exit(1);
  }
  // Boot at normal priority, then yield: a worker restarted on a busy machine at a lower priority took seconds
  // to get through boot before it processed anything.
  const app = await createWorker(config);
  lowerWorkerPriority(config.worker.niceness);
  if (config.worker.healthPort !== undefined) startWorkerHealthServer(app, config.worker.healthPort);
  new Logger('Worker').log(`Wasl worker processing queues (prefix "${config.redis.queuePrefix}")`);
}

void main();
