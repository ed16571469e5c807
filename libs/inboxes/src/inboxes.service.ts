import {
  ChannelKind,
  findChannelDefinition,
  inboxWebhookUrls,
  InboxWebhookUrl,
  parseWebChatSettings,
  prepareChannelSettings,
} from '@app/channels';
import { ApiErrorCode, ApiException, JsonObject, outboundUrlProblem, SecretBox } from '@app/common';
import { WaslConfig } from '@app/config';
import { TransactionRunner } from '@app/database';
import { InjectRedis } from '@app/queue';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import Redis from 'ioredis';
import { randomBytes, randomUUID } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import { CreateInboxDto } from './create-inbox.dto';
import { InboxAccess } from './inbox-access.entity';
import { UpdateInboxDto } from './update-inbox.dto';
import { Inbox } from './inbox.entity';

export interface InboxView {
  id: string;
  name: string;
  channel: ChannelKind;
  provider: string | null;
  teamId: string | null;
  settings: JsonObject;
  active: boolean;
  createdAt: Date;
  // Where the administrator points the provider, built from PUBLIC_URL by the channel's definition.
  webhookUrls: InboxWebhookUrl[];
}

export interface InboxWithSecrets {
  inbox: Inbox;
  secrets: Record<string, string>;
}

// What an edit changed, by field name only (for the audit log: never a value).
export interface InboxChange {
  inbox: InboxView;
  changed: string[];
  // Credentials given again, which replaced the sealed ones.
  replacedSecrets: string[];
}

// Webhooks resolve the inbox on every request; a short cache spares a query and an AES decryption per message.
const WEBHOOK_CACHE_MILLISECONDS = 10_000;

@Injectable()
export class InboxesService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(InboxesService.name);
  private readonly box: SecretBox;
  // Whether callback and provider URLs may name private, loopback or link-local addresses (sandbox and tests).
  private readonly outboundUrls: { allowPrivateNetworks: boolean };
  private readonly cache = new Map<string, { value: InboxWithSecrets | null; expiresAt: number }>();
  private readonly publicUrl: string;
  // Every gateway and worker caches inboxes: a change (secret rotated, settings edited, disabled, deleted) is
  // announced on this Redis channel so each process forgets the inbox at once, not after the cache's 10 seconds.
  private readonly changesChannel: string;
  private subscriber?: Redis;

  constructor(
    @InjectRepository(Inbox) private readonly inboxes: Repository<Inbox>,
    private readonly transactions: TransactionRunner,
    @InjectRedis() private readonly redis: Redis,
    config: WaslConfig,
  ) {
    this.box = new SecretBox(config.security.encryptionKey);
    this.outboundUrls = { allowPrivateNetworks: config.channels.allowPrivateNetworks };
    this.publicUrl = config.http.publicUrl;
    this.changesChannel = `${config.redis.queuePrefix}:inbox-changed`;
  }

  onModuleInit(): void {
    const subscriber = this.redis.duplicate({ maxRetriesPerRequest: null });
    this.subscriber = subscriber;
    // Subscribed again after every reconnection; an announcement missed while Redis was away is covered by the TTL.
    subscriber.on('ready', () => {
      subscriber.subscribe(this.changesChannel).catch((error: Error) => this.logger.warn(`Inbox changes not followed: ${error.message}`));
    });
    subscriber.on('message', (_channel: string, inboxId: string) => this.cache.delete(inboxId));
    subscriber.on('error', () => undefined);
  }

  // Nothing to flush on a subscriber, and a quit would wait for a Redis that may be away.
  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }

  // This process at once, the others when the announcement reaches them.
  private async forget(inboxId: string): Promise<void> {
    this.cache.delete(inboxId);
    await this.redis.publish(this.changesChannel, inboxId).catch((error: Error) => {
      this.logger.warn(`Could not announce a change of inbox ${inboxId}; other processes follow within 10 s: ${error.message}`);
    });
  }

  // Returns the inbox and, this once, its signing secret. Provider credentials (authToken, appSid, apiToken) are
  // sealed with it and never returned.
  async create(
    organisationId: string,
    input: CreateInboxDto,
    teamExists: (teamId: string) => Promise<boolean>,
  ): Promise<InboxView & { secret: string }> {
    if (input.teamId && !(await teamExists(input.teamId))) {
      throw ApiException.validation([{ field: 'teamId', message: 'is not a team of this organisation' }]);
    }
    if (await this.inboxes.existsBy({ organisationId, name: input.name.trim() })) {
      throw new ApiException(ApiErrorCode.Conflict, 'An inbox with this name already exists', [
        { field: 'name', message: 'is already used' },
      ]);
    }
    // Wasl will POST replies there: a literal private address or user:password@ is refused now; host names are
    // checked at every send, when they are resolved.
    const callbackProblem = input.callbackUrl && outboundUrlProblem(input.callbackUrl, this.outboundUrls);
    if (callbackProblem) throw ApiException.validation([{ field: 'callbackUrl', message: callbackProblem }]);
    const secret = randomBytes(32).toString('hex');
    // Validated by the channel's definition (400 naming settings.<field>), its credentials moved into the sealed
    // secrets. The API channel's callback URL may also be given beside the settings, as it always could.
    const given: JsonObject = { ...(input.settings ?? {}), ...(input.callbackUrl ? { callbackUrl: input.callbackUrl } : {}) };
    const prepared = prepareChannelSettings(input.channel, input.provider, given, this.outboundUrls);
    const settings: JsonObject = prepared.settings;
    await this.checkPhoneVerificationInbox(organisationId, input.channel, settings);
    const inbox = this.inboxes.create({
      id: randomUUID(),
      organisationId,
      name: input.name.trim(),
      channel: input.channel,
      provider: prepared.provider,
      teamId: input.teamId ?? null,
      settings,
      sealedSecrets: this.box.seal(JSON.stringify({ ...prepared.secrets, signingSecret: secret })),
      active: true,
      createdAt: new Date(),
    });
    await this.transactions.run((manager) => manager.insert(Inbox, inbox));
    return { ...this.toView(inbox), secret };
  }

  // Web chat sends its verification codes through an SMS inbox: it must be one of this organisation's.
  private async checkPhoneVerificationInbox(organisationId: string, channel: ChannelKind, settings: JsonObject): Promise<void> {
    if (channel !== ChannelKind.WebChat) return;
    const smsInboxId = parseWebChatSettings(settings).phoneVerification?.smsInboxId;
    if (!smsInboxId) return;
    const smsInbox = await this.inboxes.findOneBy({ id: smsInboxId, organisationId });
    if (!smsInbox || smsInbox.channel !== ChannelKind.Sms || !smsInbox.active) {
      throw ApiException.validation([
        { field: 'settings.phoneVerification.smsInboxId', message: 'is not an active SMS inbox of this organisation' },
      ]);
    }
  }

  async list(organisationId: string): Promise<InboxView[]> {
    const inboxes = await this.inboxes.find({ where: { organisationId }, order: { createdAt: 'ASC' } });
    return inboxes.map((inbox) => this.toView(inbox));
  }

  async findInOrganisation(organisationId: string, inboxId: string): Promise<Inbox | null> {
    return this.inboxes.findOneBy({ id: inboxId, organisationId });
  }

  // Renames, disables or reconfigures an inbox. Settings are validated exactly as at creation (prepareChannelSettings)
  // and replace the stored ones; a credential left out keeps its sealed value, one given again replaces it.
  async update(organisationId: string, inboxId: string, input: UpdateInboxDto): Promise<InboxChange | null> {
    const result = await this.transactions.run(async (manager) => {
      const inbox = await this.lockedInbox(manager, organisationId, inboxId);
      if (!inbox) return null;
      const patch: Partial<Pick<Inbox, 'name' | 'active' | 'settings' | 'sealedSecrets'>> = {};
      const changed: string[] = [];
      let replacedSecrets: string[] = [];
      if (input.name !== undefined && input.name.trim() !== inbox.name) {
        if (await manager.existsBy(Inbox, { organisationId, name: input.name.trim() })) {
          throw new ApiException(ApiErrorCode.Conflict, 'An inbox with this name already exists', [
            { field: 'name', message: 'is already used' },
          ]);
        }
        patch.name = input.name.trim();
        changed.push('name');
      }
      if (input.active !== undefined && input.active !== inbox.active) {
        patch.active = input.active;
        changed.push('active');
      }
      if (input.settings !== undefined || input.callbackUrl !== undefined) {
        const reconfigured = this.reconfigured(inbox, input);
        await this.checkPhoneVerificationInbox(organisationId, inbox.channel, reconfigured.settings);
        patch.settings = reconfigured.settings;
        patch.sealedSecrets = reconfigured.sealedSecrets;
        replacedSecrets = reconfigured.replacedSecrets;
        changed.push(...(input.settings !== undefined ? ['settings'] : []), ...(input.callbackUrl !== undefined ? ['callbackUrl'] : []));
      }
      if (Object.keys(patch).length > 0) {
        await manager.update(Inbox, { id: inboxId, organisationId }, patch);
        Object.assign(inbox, patch);
      }
      return { inbox: this.toView(inbox), changed, replacedSecrets };
    });
    if (result) await this.forget(inboxId);
    return result;
  }

  // A new signing secret, returned this once. What it signs stops with the old one: API-channel signatures and
  // callbacks, web chat visitor tokens, rooms and identifier hashes, attachment links, the Saudi SMS ?token=.
  async rotateSecret(organisationId: string, inboxId: string): Promise<(InboxView & { secret: string }) | null> {
    const secret = randomBytes(32).toString('hex');
    const rotated = await this.transactions.run(async (manager) => {
      const inbox = await this.lockedInbox(manager, organisationId, inboxId);
      if (!inbox) return null;
      const sealedSecrets = this.box.seal(JSON.stringify({ ...this.secretsOf(inbox), signingSecret: secret }));
      await manager.update(Inbox, { id: inboxId, organisationId }, { sealedSecrets });
      return inbox;
    });
    if (!rotated) return null;
    await this.forget(inboxId);
    return { ...this.toView(rotated), secret };
  }

  // Only an inbox that holds nothing (the caller has checked it has no conversations) is deleted, with its access
  // list. An SMS inbox that a web chat inbox sends its verification codes through is refused.
  async delete(organisationId: string, inboxId: string): Promise<InboxView | null> {
    const deleted = await this.transactions.run(async (manager) => {
      const inbox = await this.lockedInbox(manager, organisationId, inboxId);
      if (!inbox) return null;
      if (inbox.channel === ChannelKind.Sms) {
        const webChats = await manager.findBy(Inbox, { organisationId, channel: ChannelKind.WebChat });
        const dependent = webChats.find((webChat) => parseWebChatSettings(webChat.settings).phoneVerification?.smsInboxId === inboxId);
        if (dependent) {
          throw new ApiException(ApiErrorCode.Conflict, `The web chat inbox "${dependent.name}" sends its verification codes through it`, [
            { field: 'id', message: 'is the verification SMS inbox of another inbox' },
          ]);
        }
      }
      await manager.delete(InboxAccess, { organisationId, inboxId });
      await manager.delete(Inbox, { id: inboxId, organisationId });
      return inbox;
    });
    if (!deleted) return null;
    await this.forget(inboxId);
    return this.toView(deleted);
  }

  private async lockedInbox(manager: EntityManager, organisationId: string, inboxId: string): Promise<Inbox | null> {
    return manager.findOne(Inbox, {
      where: { id: inboxId, organisationId },
      // Edits read, change and re-seal the credentials: two at once must not lose one (SQLite runs one at a time).
      lock: this.transactions.isPostgres ? { mode: 'pessimistic_write' } : undefined,
    });
  }

  private secretsOf(inbox: Inbox): Record<string, string> {
    return JSON.parse(this.box.open(inbox.sealedSecrets)) as Record<string, string>;
  }

  private reconfigured(inbox: Inbox, input: UpdateInboxDto): { settings: JsonObject; sealedSecrets: string; replacedSecrets: string[] } {
    const { signingSecret, ...credentials } = this.secretsOf(inbox);
    const { callbackUrl: storedCallbackUrl, ...storedSettings } = inbox.settings;
    if (input.callbackUrl !== undefined) {
      const callbackProblem = outboundUrlProblem(input.callbackUrl, this.outboundUrls);
      if (callbackProblem) throw ApiException.validation([{ field: 'callbackUrl', message: callbackProblem }]);
    }
    // The API channel's callback URL is one of its settings; it may also be given beside them, as at creation.
    const callbackUrl = input.callbackUrl ?? (input.settings?.callbackUrl === undefined ? storedCallbackUrl : undefined);
    const given: JsonObject = { ...(input.settings ?? storedSettings), ...(typeof callbackUrl === 'string' ? { callbackUrl } : {}) };
    // The stored credentials under the given settings: what is left out is kept, what is given replaces it.
    const prepared = prepareChannelSettings(inbox.channel, inbox.provider ?? undefined, { ...credentials, ...given }, this.outboundUrls);
    const settings: JsonObject = prepared.settings;
    return {
      settings,
      sealedSecrets: this.box.seal(JSON.stringify({ ...prepared.secrets, signingSecret })),
      replacedSecrets: Object.keys(prepared.secrets).filter((field) => input.settings !== undefined && field in input.settings),
    };
  }

  // For webhooks and the outbound worker: the inbox with its decrypted credentials, or null.
  // Inside a transaction pass its manager: a second pooled connection per job can exhaust the pool.
  // Every organisation's active inboxes (the worker's live channel sessions pick theirs).
  async listAllActive(): Promise<Inbox[]> {
    return this.inboxes.find({ where: { active: true } });
  }

  async findWithSecrets(inboxId: string, manager?: EntityManager): Promise<InboxWithSecrets | null> {
    const cached = this.cache.get(inboxId);
    if (cached && cached.expiresAt > Date.now()) return cached.value;
    const inbox = isUUID(inboxId) ? await (manager ?? this.inboxes.manager).findOneBy(Inbox, { id: inboxId }) : null;
    const value = inbox ? { inbox, secrets: JSON.parse(this.box.open(inbox.sealedSecrets)) as Record<string, string> } : null;
    this.cache.set(inboxId, { value, expiresAt: Date.now() + WEBHOOK_CACHE_MILLISECONDS });
    if (this.cache.size > 10_000) this.cache.clear();
    return value;
  }

  toView(inbox: Inbox): InboxView {
    const { id, name, channel, provider, teamId, settings, active, createdAt } = inbox;
    const webhookUrls = inboxWebhookUrls(this.publicUrl, findChannelDefinition(channel, provider), id);
    return { id, name, channel, provider, teamId, settings, active, createdAt, webhookUrls };
  }

  // Reads other modules make of their inboxes: the SMS inbox requests' notices go out on, the inbox of the public
  // forms or of internal requests.
  async isActiveOfChannel(manager: EntityManager, organisationId: string, inboxId: string, channel: ChannelKind): Promise<boolean> {
    return manager.existsBy(Inbox, { id: inboxId, organisationId, channel, active: true });
  }

  async firstActiveOfChannel(organisationId: string, channel: ChannelKind): Promise<Inbox | null> {
    return this.inboxes.findOne({ where: { organisationId, channel, active: true }, order: { createdAt: 'ASC' } });
  }

  // The inbox an officer or a notice writes first from, inside the caller's transaction (outreach).
  async findWithin(manager: EntityManager, organisationId: string, inboxId: string): Promise<Inbox | null> {
    return manager.findOneBy(Inbox, { id: inboxId, organisationId });
  }

  // The organisation's active inboxes, inside the caller's transaction (which of them can reach a beneficiary).
  async activeWithin(manager: EntityManager, organisationId: string): Promise<Inbox[]> {
    return manager.findBy(Inbox, { organisationId, active: true });
  }
}
