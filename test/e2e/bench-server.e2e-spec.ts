import { spawn } from 'node:child_process';
import { createServer as createHttpServer, Server } from 'node:http';
import { createServer, Server as NetServer } from 'node:net';
import { AddressInfo } from 'node:net';
import { freePort, waitForOwnServer } from '../bench/bench-server.util';

const listen = <T extends Server | NetServer>(server: T, port = 0) =>
  new Promise<T>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
const close = (server: Server | NetServer) => new Promise<void>((resolve) => server.close(() => resolve()));

// npm run bench:ingest and bench:search start their own gateway; they must never measure someone else's.
describe('The benches choose a port nobody uses and measure only their own gateway', () => {
  it('should hand out ports that are free, never one another server listens on', async () => {
    const occupied = await listen(createServer());
    const taken = (occupied.address() as AddressInfo).port;
    try {
      for (let attempt = 0; attempt < 20; attempt += 1) {
        const port = await freePort();
        expect(port).not.toBe(taken);
        await close(await listen(createServer(), port));
      }
    } finally {
      await close(occupied);
    }
  });

  it('should fail when its gateway exits, even though another server answers on the port', async () => {
    const other = await listen(createHttpServer((_request, response) => response.writeHead(200).end('{"status":"ok"}')));
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}/health/ready`;
    // A gateway that could not bind the port exits at once.
    const gateway = spawn(process.execPath, ['-e', 'setTimeout(() => process.exit(1), 50)'], { stdio: 'ignore' });
    await new Promise((resolve) => gateway.once('exit', resolve));
    try {
      await expect(waitForOwnServer(gateway, url, 'the gateway', 5_000)).rejects.toThrow('the gateway exited before it was ready');
    } finally {
      await close(other);
    }
  });

  it('should wait for its own gateway while it is starting', async () => {
    const port = await freePort();
    const script = `setTimeout(() => require('node:http').createServer((q, r) => r.end('ok')).listen(${port}, '127.0.0.1'), 300)`;
    const gateway = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
    try {
      await expect(waitForOwnServer(gateway, `http://127.0.0.1:${port}/health/ready`, 'the gateway', 10_000)).resolves.toBeUndefined();
    } finally {
      gateway.kill();
    }
  });
});
