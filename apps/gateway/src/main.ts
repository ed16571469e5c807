import 'reflect-metadata';
import { ConfigurationError, loadConfig, loadDotEnv, WaslConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import { createGateway } from './gateway.bootstrap';

async function main(): Promise<void> {
  loadDotEnv();
  let config: WaslConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (!config.runsGateway) {
    console.error('Invalid configuration: WASL_ROLE=worker is served by apps/worker (npm run start:worker).');
    process.exit(1);
  }
  const app = await createGateway(config);
  // Fastify listens on localhost unless told otherwise; in a container the gateway must answer on every interface.
  await app.listen(config.http.port, '0.0.0.0');
  const database = config.database.kind === 'postgres' ? 'PostgreSQL' : `SQLite at ${config.database.path}`;
  new Logger('Gateway').log(
    `Wasl ${config.role === 'all' ? 'gateway and worker' : 'gateway'} listening on ${config.http.publicUrl} (${database}); API docs at ${config.http.publicUrl}/docs`,
  );
}

void main();
