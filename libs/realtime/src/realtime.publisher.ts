import { InjectRedis } from '@app/queue';
import { AGENTS_NAMESPACE, RealtimeEvent, RealtimeEventPayloads, WEBCHAT_NAMESPACE } from '@app/wire';
import { Injectable, Logger } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { audienceRooms, ConversationAudience, organisationRoom, overseersRoom, userRoom } from './agents-rooms.util';

// Publishes to every gateway through Redis (socket.io's emitter protocol), so a worker process or any
// gateway instance can reach staff connected to any other gateway.
@Injectable()
export class RealtimePublisher {
  private readonly logger = new Logger(RealtimePublisher.name);
  private readonly agents: ReturnType<Emitter['of']>;
  private readonly webChat: ReturnType<Emitter['of']>;

  constructor(@InjectRedis() redis: Redis) {
    // The emitter fires PUBLISH without awaiting it; a Redis outage must be a warning, not an unhandled rejection.
    const publisher = {
      publish: (channel: string, message: string | Buffer) =>
        redis.publish(channel, message).catch((error: Error) => this.logger.warn(`Realtime publish failed: ${error.message}`)),
    };
    const emitter = new Emitter(publisher);
    this.agents = emitter.of(AGENTS_NAMESPACE);
    this.webChat = emitter.of(WEBCHAT_NAMESPACE);
  }

  // Web-chat visitors' rooms (the WebChatTransport of the web-chat adapter). A lost live event is not a lost
  // message: the row is committed and the widget reads history when it reconnects.
  toWebChatRoom(room: string, event: string, payload: object): void {
    this.webChat.to(room).emit(event, payload);
  }

  // A conversation's or a message's event: only to the sockets that may read that conversation. socket.io delivers
  // once to a socket that is in several of the rooms.
  toConversationAudience<Event extends RealtimeEvent>(
    audience: ConversationAudience,
    event: Event,
    payload: RealtimeEventPayloads[Event],
  ): void {
    try {
      this.agents.to(audienceRooms(audience)).emit(event, payload);
    } catch (error) {
      this.logger.warn(`Could not publish ${event}: ${(error as Error).message}`);
    }
  }

  // A support request's event: to the overseers and to each staff member working it (their user rooms). The payload
  // names the request, never its beneficiary, and each client reads what its user may see through the API.
  toUsersAndOverseers(organisationId: string, userIds: readonly string[], event: RealtimeEvent, payload: object): void {
    try {
      const rooms = [overseersRoom(organisationId), ...[...new Set(userIds)].map((userId) => userRoom(userId))];
      this.agents.to(rooms).emit(event, payload);
    } catch (error) {
      this.logger.warn(`Could not publish ${event}: ${(error as Error).message}`);
    }
  }

  // Only for events that carry no conversation content; conversations and messages use toConversationAudience.
  toOrganisation(organisationId: string, event: RealtimeEvent, payload: object): void {
    try {
      this.agents.to(organisationRoom(organisationId)).emit(event, payload);
    } catch (error) {
      // Realtime is a convenience: the row is committed and clients refetch on reconnect.
      this.logger.warn(`Could not publish ${event}: ${(error as Error).message}`);
    }
  }
}
