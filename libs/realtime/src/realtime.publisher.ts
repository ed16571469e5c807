import { WaslConfig } from '@app/config';
import { InjectRedis } from '@app/queue';
import { RealtimeEvent, RealtimeEventPayloads, WEBCHAT_NAMESPACE } from '@app/wire';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { AgentsAudience, AgentsEnvelope, organisationChannel } from './agents-audience.util';
import { ConversationAudience } from './agents-rooms.util';

// Publishes to every gateway through Redis, so a worker process or any gateway instance can reach staff connected
// to any other gateway. Staff events are one PUBLISH on their organisation's channel, which only gateways holding a
// socket of that organisation subscribe to (OrganisationChannelSubscriber); socket.io's emitter would put an event
// for several rooms on the namespace-wide channel, which every gateway decodes. The events of one organisation
// published in the same turn of the event loop go out as one PUBLISH (an array, in order): a worker batch of 50
// applied messages publishes 100 events, and each PUBLISH costs about 10 µs of client work whatever its size.
@Injectable()
export class RealtimePublisher implements OnModuleDestroy {
  private readonly logger = new Logger(RealtimePublisher.name);
  private readonly webChat: ReturnType<Emitter['of']>;
  // Channel → the envelopes published this turn, in order; sent by flush, at the end of the turn.
  private readonly pending = new Map<string, AgentsEnvelope[]>();
  private flushScheduled = false;

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

  // What is still pending when the process stops goes out before the Redis connection closes.
  onModuleDestroy(): void {
    this.flush();
  }

  private publish(organisationId: string, event: string, payload: unknown, audience: AgentsAudience): void {
    const channel = organisationChannel(this.config.redis.queuePrefix, organisationId);
    const queued = this.pending.get(channel);
    if (queued) queued.push({ event, payload, audience });
    else this.pending.set(channel, [{ event, payload, audience }]);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate, not a microtask: a batch's publishes are spread over the awaits of its loop.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    for (const [channel, envelopes] of this.pending) {
      for (const message of this.serialised(envelopes)) {
        this.redis
          .publish(channel, message)
          // Realtime is a convenience: the row is committed and clients refetch on reconnect.
          .catch((error: Error) => this.logger.warn(`Could not publish realtime events: ${error.message}`));
      }
    }
    this.pending.clear();
  }

  // One event that cannot be written out (a payload that is not plain data) must not take the rest of its turn with it.
  private serialised(envelopes: AgentsEnvelope[]): string[] {
    try {
      return [JSON.stringify(envelopes.length === 1 ? envelopes[0] : envelopes)];
    } catch {
      return envelopes.flatMap((envelope) => {
        try {
          return [JSON.stringify(envelope)];
        } catch (error) {
          this.logger.warn(`Could not publish ${envelope.event}: ${(error as Error).message}`);
          return [];
        }
      });
    }
  }
}
