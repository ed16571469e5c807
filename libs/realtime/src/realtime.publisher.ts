import { WaslConfig } from '@app/config';
import { InjectRedis } from '@app/queue';
import { RealtimeEvent, RealtimeEventPayloads, WEBCHAT_NAMESPACE } from '@app/wire';
import { Injectable, Logger } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { AgentsAudience, AgentsEnvelope, organisationChannel } from './agents-audience.util';
import { ConversationAudience } from './agents-rooms.util';

// Publishes to every gateway through Redis, so a worker process or any gateway instance can reach staff connected
// to any other gateway. Staff events are one PUBLISH on their organisation's channel, which only gateways holding a
// socket of that organisation subscribe to (OrganisationChannelSubscriber); socket.io's emitter would put an event
// for several rooms on the namespace-wide channel, which every gateway decodes.
@Injectable()
export class RealtimePublisher {
  private readonly logger = new Logger(RealtimePublisher.name);
  private readonly webChat: ReturnType<Emitter['of']>;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: WaslConfig,
  ) {
    // The emitter fires PUBLISH without awaiting it; a Redis outage must be a warning, not an unhandled rejection.
    const publisher = {
      publish: (channel: string, message: string | Buffer) =>
        redis.publish(channel, message).catch((error: Error) => this.logger.warn(`Realtime publish failed: ${error.message}`)),
    };
    this.webChat = new Emitter(publisher).of(WEBCHAT_NAMESPACE);
  }

  // Web-chat visitors' rooms (the WebChatTransport of the web-chat adapter). One room per emit, so socket.io's own
  // channel for that room is used and gateways without the visitor skip it undecoded. A lost live event is not a lost
  // message: the row is committed and the widget reads history when it reconnects.
  toWebChatRoom(room: string, event: string, payload: object): void {
    this.webChat.to(room).emit(event, payload);
  }

  // A conversation's or a message's event: only to the sockets that may read that conversation, each once.
  toConversationAudience<Event extends RealtimeEvent>(
    audience: ConversationAudience,
    event: Event,
    payload: RealtimeEventPayloads[Event],
  ): void {
    this.publish(audience.organisationId, event, payload, {
      overseers: true,
      inboxId: audience.inboxId,
      ...(audience.assigneeId ? { userIds: [audience.assigneeId] } : {}),
      ...(audience.teamId ? { teamId: audience.teamId } : {}),
    });
  }

  // A support request's event: to the overseers and to each staff member working it (their user rooms). The payload
  // names the request, never its beneficiary, and each client reads what its user may see through the API.
  toUsersAndOverseers(organisationId: string, userIds: readonly string[], event: RealtimeEvent, payload: object): void {
    this.publish(organisationId, event, payload, { overseers: true, userIds: [...new Set(userIds)] });
  }

  // Administrators and supervisors of the organisation only (a pairing QR code, a session that needs re-pairing).
  toOverseers(organisationId: string, event: RealtimeEvent, payload: object): void {
    this.publish(organisationId, event, payload, { overseers: true });
  }

  // Those who may see an inbox's conversations (a web chat visitor typing); an assignee outside the inbox sees the
  // conversation's own events.
  toInboxReaders(organisationId: string, inboxId: string, event: string, payload: object): void {
    this.publish(organisationId, event, payload, { overseers: true, inboxId });
  }

  // Only for events that carry no conversation content; conversations and messages use toConversationAudience.
  toOrganisation(organisationId: string, event: RealtimeEvent, payload: object): void {
    this.publish(organisationId, event, payload, { everyone: true });
  }

  private publish(organisationId: string, event: string, payload: unknown, audience: AgentsAudience): void {
    try {
      const envelope: AgentsEnvelope = { event, payload, audience };
      this.redis
        .publish(organisationChannel(this.config.redis.queuePrefix, organisationId), JSON.stringify(envelope))
        // Realtime is a convenience: the row is committed and clients refetch on reconnect.
        .catch((error: Error) => this.logger.warn(`Could not publish ${event}: ${error.message}`));
    } catch (error) {
      this.logger.warn(`Could not publish ${event}: ${(error as Error).message}`);
    }
  }
}
