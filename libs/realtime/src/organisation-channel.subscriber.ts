import { Logger } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { AgentsEnvelope, organisationChannel, parseAgentsMessage } from './agents-audience.util';

export type AgentsEnvelopeHandler<Member> = (organisationId: string, envelope: AgentsEnvelope, members: ReadonlySet<Member>) => void;

interface HeldOrganisation<Member> {
  members: Set<Member>;
  // Settled once Redis confirmed the subscription; unset after a failure so the next socket tries again.
  subscribed?: Promise<void>;
}

// A gateway listens only to the organisations it holds a socket of: it subscribes on the first socket of an
// organisation and unsubscribes after the last, so an event costs nothing on a gateway that has no one to show it to.
export class OrganisationChannelSubscriber<Member> {
  private readonly logger = new Logger(OrganisationChannelSubscriber.name);
  private readonly held = new Map<string, HeldOrganisation<Member>>();
  private readonly channelPrefix: string;
  // A connection in subscriber mode can issue no other command, so it is its own.
  private readonly subscriber: Redis;
  // Sockets still disconnect after shutdown began; their releases must not talk to a closed connection.
  private closed = false;

  constructor(
    redisOptions: RedisOptions,
    private readonly queuePrefix: string,
    private readonly handle: AgentsEnvelopeHandler<Member>,
  ) {
    this.channelPrefix = organisationChannel(queuePrefix, '');
    this.subscriber = new Redis({ ...redisOptions, lazyConnect: true, maxRetriesPerRequest: 2 });
    this.subscriber.on('message', (channel: string, message: string) => this.receive(channel, message));
    // ioredis reconnects and subscribes again by itself; without a listener an outage would crash the process.
    this.subscriber.on('error', (error: Error) => this.logger.warn(`Realtime subscriber: ${error.message}`));
  }

  // Resolves once events of the organisation reach this gateway, so a socket told it is ready misses none.
  async hold(organisationId: string, member: Member): Promise<void> {
    if (this.closed) return;
    let organisation = this.held.get(organisationId);
    if (!organisation) {
      organisation = { members: new Set() };
      this.held.set(organisationId, organisation);
    }
    organisation.members.add(member);
    organisation.subscribed ??= this.subscribe(organisationId, organisation);
    await organisation.subscribed;
  }

  release(organisationId: string, member: Member): void {
    const organisation = this.held.get(organisationId);
    if (this.closed || !organisation?.members.delete(member) || organisation.members.size > 0) return;
    this.held.delete(organisationId);
    // Commands on one connection run in order: a socket that arrives meanwhile subscribes after this.
    this.subscriber
      .unsubscribe(organisationChannel(this.queuePrefix, organisationId))
      .catch((error: Error) => this.logger.warn(`Could not unsubscribe from organisation ${organisationId}: ${error.message}`));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.held.clear();
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }

  private async subscribe(organisationId: string, organisation: HeldOrganisation<Member>): Promise<void> {
    try {
      await this.subscriber.subscribe(organisationChannel(this.queuePrefix, organisationId));
    } catch (error) {
      // Realtime is a convenience: the socket still connects, the app reads through the API, and the next socket
      // of the organisation subscribes again.
      organisation.subscribed = undefined;
      this.logger.warn(`Could not subscribe to organisation ${organisationId}: ${(error as Error).message}`);
    }
  }

  private receive(channel: string, message: string): void {
    if (!channel.startsWith(this.channelPrefix)) return;
    const organisationId = channel.slice(this.channelPrefix.length);
    const organisation = this.held.get(organisationId);
    if (!organisation) return;
    for (const envelope of parseAgentsMessage(message) ?? [undefined]) {
      if (!envelope) {
        this.logger.warn(`Dropped a malformed realtime message on organisation ${organisationId}`);
        continue;
      }
      try {
        this.handle(organisationId, envelope, organisation.members);
      } catch (error) {
        this.logger.warn(`Could not deliver ${envelope.event}: ${(error as Error).message}`);
      }
    }
  }
}
