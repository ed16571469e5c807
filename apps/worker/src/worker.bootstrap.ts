import { WaslConfig } from '@app/config';
import { waitForMigrations } from '@app/database';
import { createWaslLogger, metricsAccessAllowed, ReadinessService, WaslMetrics } from '@app/observability';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createServer, Server } from 'node:http';
import { getPriority, setPriority } from 'node:os';
import { WorkerAppModule } from './worker-app.module';

const logger = new Logger('Worker');

// Acknowledging a provider cannot wait; applying its message can, by milliseconds. Where a gateway and a worker
// share cores, the worker yields (bench:ingest, interleaved runs: ack p99 at 500/s of 17 to 25 ms at niceness
// 10, 22 to 46 ms at 0). Niceness only goes up here: lowering it needs privileges.
export function lowerWorkerPriority(niceness: number): void {
  if (niceness <= getPriority()) return;
  try {
    setPriority(niceness);
  } catch (error) {
    logger.warn(`Could not lower the worker's CPU priority to ${niceness}: ${(error as Error).message}`);
  }
}

export async function createWorker(config: WaslConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerAppModule.forRoot(config), {
    logger: createWaslLogger(config),
  });
  app.enableShutdownHooks();
  // Workers never migrate; they wait until a gateway has brought the schema up to date.
  await waitForMigrations(app, () => logger.log('Waiting for a gateway to apply database migrations…'));
  await app.init();
  return app;
}

// A small HTTP port for orchestrators: the worker has no API, but it can say whether it is alive and ready, and
// serve its metrics to Prometheus behind METRICS_TOKEN.
export function startWorkerHealthServer(app: INestApplicationContext, port: number): Server {
  const readiness = app.get(ReadinessService);
  const metrics = app.get(WaslMetrics);
  const metricsToken = app.get(WaslConfig).metrics.token;
  const server = createServer((request, response) => {
    if (request.url === '/metrics' && metricsToken !== undefined) {
      if (!metricsAccessAllowed(request.headers.authorization, metricsToken)) {
        response.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' }).end('{"status":"unauthenticated"}');
        return;
      }
      metrics
        .scrape()
        .then((text) => response.writeHead(200, { 'content-type': metrics.contentType(), 'cache-control': 'no-store' }).end(text))
        .catch(() => response.writeHead(500).end());
      return;
    }
    if (request.url === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (request.url === '/health/ready') {
      readiness
        .check()
        .then((answer) => (answer.ready ? Promise.resolve() : Promise.reject(new Error(answer.down.join(', ')))))
        .then(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'))
        .catch(() => response.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"unavailable"}'));
      return;
    }
    response.writeHead(404).end();
  });
  return server.listen(port);
}
