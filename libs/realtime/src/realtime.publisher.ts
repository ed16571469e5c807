import { InjectRedis } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { AGENTS_NAMESPACE, organisationRoom, RealtimeEvent } from './realtime-event.enum';

// Publishes to every gateway through Redis (socket.io's emitter protocol), so a worker process or any
// gateway instance can reach staff connected to any other gateway.
@Injectable()
export class RealtimePublisher {
  private readonly logger = new Logger(RealtimePublisher.name);
  private readonly agents: ReturnType<Emitter['of']>;

  constructor(@InjectRedis() redis: Redis) {
    this.agents = new Emitter(redis).of(AGENTS_NAMESPACE);
  }

  toOrganisation(organisationId: string, event: RealtimeEvent, payload: object): void {
    try {
      this.agents.to(organisationRoom(organisationId)).emit(event, payload);
    } catch (error) {
      // Realtime is a convenience: the row is committed and clients refetch on reconnect.
      this.logger.warn(`Could not publish ${event}: ${(error as Error).message}`);
    }
  }
}
