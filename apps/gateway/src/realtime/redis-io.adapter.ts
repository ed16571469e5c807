import { WaslConfig } from '@app/config';
import { redisOptionsFromUrl } from '@app/queue';
import { AGENTS_NAMESPACE } from '@app/wire';
import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { IncomingMessage } from 'node:http';
import { Server, ServerOptions } from 'socket.io';
import { isStaffOrigin } from '../http/staff-origin.util';

// Every gateway instance shares socket.io rooms through Redis, and workers publish into them with the emitter.
export class RedisIoAdapter extends IoAdapter {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly staffOrigins: string[];

  constructor(app: INestApplicationContext, redisUrl: string) {
    super(app);
    this.staffOrigins = app.get(WaslConfig).security.staffOrigins;
    const options = { ...redisOptionsFromUrl(redisUrl), maxRetriesPerRequest: 2 };
    this.publisher = new Redis(options);
    this.subscriber = new Redis(options);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    // One engine serves /agents and /webchat, with the CORS options of whichever gateway came first. Only staff
    // origins get CORS with credentials; web chat is websocket-only and checks each inbox's origins itself.
    const cors = (request: IncomingMessage, callback: (error: Error | null, options: object) => void): void =>
      callback(null, { origin: this.allowsStaff(request) && request.headers.origin ? request.headers.origin : false, credentials: true });
    const server: Server = super.createIOServer(port, { ...options, cors } as ServerOptions);
    server.adapter(createAdapter(this.publisher, this.subscriber));
    // WebSocket handshakes bypass CORS, and /agents accepts the session cookie: a page of another site must not
    // open it with the officer's cookie.
    server
      .of(AGENTS_NAMESPACE)
      .use((socket, next) => (this.allowsStaff(socket.request) ? next() : next(new Error('This origin may not open the staff socket'))));
    return server;
  }

  private allowsStaff(request: IncomingMessage): boolean {
    return isStaffOrigin(this.staffOrigins, request.headers.origin, request.headers.host);
  }

  // close() runs once per namespace server; the shared Redis clients go only when the app is disposed.
  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}
