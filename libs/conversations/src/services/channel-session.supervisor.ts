import { ChannelEvent, findChannelDefinition, RunningChannelSession } from '@app/channels';
import { WaslConfig } from '@app/config';
import { InboxesService } from '@app/inboxes';
import type { Inbox } from '@app/inboxes/entities';
import { InjectRedis } from '@app/queue';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ChannelEventIntake } from './channel-event.intake';
import { ChannelSessionsService } from './channel-sessions.service';

// Renews the lease only while this process still holds it; releases only its own.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

// Runs on every worker: exactly one process drives each session inbox (whatsapp-web.js), by a lease in Redis it
// renews every CHANNEL_SESSION_CHECK_MS. A worker that dies stops renewing; once the lease runs out another worker
// takes the session over, resuming it from the sealed credentials in PostgreSQL without a new pairing.
@Injectable()
export class ChannelSessionSupervisor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChannelSessionSupervisor.name);
  readonly processId = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  private timer?: NodeJS.Timeout;
  private ticking = false;
  private stopped = false;
  // One token per start: reports of a session this process has since released are stale and dropped.
  private readonly starts = new Map<string, object>();

  constructor(
    private readonly inboxesService: InboxesService,
    private readonly sessions: ChannelSessionsService,
    private readonly intake: ChannelEventIntake,
    @InjectRedis() private readonly redis: Redis,
    private readonly config: WaslConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.sessions.checkMs);
    void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    for (const inboxId of this.sessions.driven()) await this.release(inboxId);
  }

  private leaseKey(inboxId: string): string {
    return `${this.config.redis.queuePrefix}:session-lease:${inboxId}`;
  }

  // One pass: keep the leases held, stop what is lost or disabled, start what is free.
  async tick(): Promise<void> {
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    try {
      const wanted = await this.sessionInboxes();
      const wantedIds = new Set(wanted.map((inbox) => inbox.id));
      for (const inboxId of this.sessions.driven()) {
        const held = Number(await this.redis.eval(RENEW, 1, this.leaseKey(inboxId), this.processId, String(this.config.sessions.leaseMs)));
        if (!held || !wantedIds.has(inboxId)) {
          this.logger.warn(`Inbox ${inboxId}: ${held ? 'disabled' : 'lease lost'}; stopping its session here`);
          await this.release(inboxId);
        }
      }
      for (const inbox of wanted) {
        if (this.stopped || this.sessions.running(inbox.id)) continue;
        const acquired = await this.redis.set(this.leaseKey(inbox.id), this.processId, 'PX', this.config.sessions.leaseMs, 'NX');
        if (acquired === 'OK') await this.start(inbox);
      }
    } catch (error) {
      this.logger.warn(`Session check failed: ${(error as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }

  private async sessionInboxes(): Promise<Inbox[]> {
    const inboxes = await this.inboxesService.listAllActive();
    return inboxes.filter((inbox) => findChannelDefinition(inbox.channel, inbox.provider)?.session);
  }

  private async start(inbox: Inbox): Promise<void> {
    const definition = findChannelDefinition(inbox.channel, inbox.provider);
    const found = await this.inboxesService.findWithSecrets(inbox.id);
    if (!definition?.session || !found) return;
    const { organisationId, id } = inbox;
    this.logger.log(`Inbox ${id}: driving its session (${this.processId})`);
    const token = {};
    this.starts.set(id, token);
    try {
      const running = await definition.session.start({
        inbox: { id, organisationId, provider: inbox.provider, settings: inbox.settings, secrets: found.secrets },
        options: {
          client: this.config.sessions.client,
          executablePath: this.config.sessions.chromiumPath,
          proxy: this.config.sessions.proxy,
          workDirectory: join(resolve('var', 'sessions'), this.processId),
          processId: this.processId,
        },
        store: {
          load: () => this.sessions.loadData(id),
          save: (data) => this.sessions.saveData(organisationId, id, data),
          clear: () => this.sessions.saveData(organisationId, id, null),
        },
        // A report from a session this process no longer drives is stale.
        report: async (update) => {
          if (this.starts.get(id) === token) await this.sessions.report(organisationId, id, update, this.processId);
        },
        receive: (events: ChannelEvent[]) => this.intake.apply(inbox, events),
      });
      this.sessions.attach(id, running);
    } catch (error) {
      this.logger.warn(`Inbox ${id}: the session could not start: ${(error as Error).message}`);
      await this.sessions.report(organisationId, id, { state: 'disconnected', reason: 'The session could not start' }, this.processId);
      this.starts.delete(id);
      await this.redis.eval(RELEASE, 1, this.leaseKey(id), this.processId);
    }
  }

  private async release(inboxId: string): Promise<void> {
    this.starts.delete(inboxId);
    const running: RunningChannelSession | undefined = this.sessions.detach(inboxId);
    await running?.stop().catch((error: Error) => this.logger.warn(`Inbox ${inboxId}: stopping failed: ${error.message}`));
    await this.redis.eval(RELEASE, 1, this.leaseKey(inboxId), this.processId).catch(() => undefined);
  }
}
