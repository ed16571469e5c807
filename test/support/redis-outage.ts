import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';
import { TEST_REDIS_URL } from './test-environment';

// Stands between the app and Redis so a test can take Redis away (every connection cut, new ones refused) and
// bring it back on the same port.
export class RedisOutage {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async start(): Promise<void> {
    if (this.server?.listening) return;
    const target = new URL(TEST_REDIS_URL);
    this.server = createServer((client) => {
      const upstream = connect(Number(target.port || 6379), target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    if (!this.server?.listening) return;
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  // The Redis URL that goes through this stand-in.
  get url(): string {
    const target = new URL(TEST_REDIS_URL);
    target.host = `127.0.0.1:${this.port}`;
    return target.toString();
  }
}
