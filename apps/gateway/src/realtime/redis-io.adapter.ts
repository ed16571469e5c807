import { redisOptionsFromUrl } from '@app/queue';
import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { Server, ServerOptions } from 'socket.io';

// Every gateway instance shares socket.io rooms through Redis, and workers publish into them with the emitter.
export class RedisIoAdapter extends IoAdapter {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;

  constructor(app: INestApplicationContext, redisUrl: string) {
    super(app);
    const options = { ...redisOptionsFromUrl(redisUrl), maxRetriesPerRequest: 2 };
    this.publisher = new Redis(options);
    this.subscriber = new Redis(options);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, options);
    server.adapter(createAdapter(this.publisher, this.subscriber));
    return server;
  }

  // close() runs once per namespace server; the shared Redis clients go only when the app is disposed.
  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}
