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
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { randomBytes, randomUUID } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import { CreateInboxDto } from './create-inbox.dto';
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

// Webhooks resolve the inbox on every request; a short cache spares a query and an AES decryption per message.
const WEBHOOK_CACHE_MILLISECONDS = 10_000;

@Injectable()
export class InboxesService {
  private readonly box: SecretBox;
  // Whether callback and provider URLs may name private, loopback or link-local addresses (sandbox and tests).
  private readonly outboundUrls: { allowPrivateNetworks: boolean };
  private readonly cache = new Map<string, { value: InboxWithSecrets | null; expiresAt: number }>();
  private readonly publicUrl: string;

  constructor(
    @InjectRepository(Inbox) private readonly inboxes: Repository<Inbox>,
    private readonly transactions: TransactionRunner,
    config: WaslConfig,
  ) {
    this.box = new SecretBox(config.security.encryptionKey);
    this.outboundUrls = { allowPrivateNetworks: config.channels.allowPrivateNetworks };
    this.publicUrl = config.http.publicUrl;
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

  // Renames or disables an inbox. Webhooks read inboxes through a 10-second cache: this instance forgets the inbox
  // at once, other gateways within that time.
  async update(organisationId: string, inboxId: string, input: UpdateInboxDto): Promise<InboxView | null> {
    const inbox = await this.findInOrganisation(organisationId, inboxId);
    if (!inbox) return null;
    const patch: Partial<Pick<Inbox, 'name' | 'active'>> = {};
    if (input.name !== undefined && input.name.trim() !== inbox.name) {
      if (await this.inboxes.existsBy({ organisationId, name: input.name.trim() })) {
        throw new ApiException(ApiErrorCode.Conflict, 'An inbox with this name already exists', [
          { field: 'name', message: 'is already used' },
        ]);
      }
      patch.name = input.name.trim();
    }
    if (input.active !== undefined) patch.active = input.active;
    if (Object.keys(patch).length > 0) {
      await this.transactions.run((manager) => manager.update(Inbox, { id: inboxId, organisationId }, patch));
      Object.assign(inbox, patch);
    }
    this.cache.delete(inboxId);
    return this.toView(inbox);
  }

  // For webhooks and the outbound worker: the inbox with its decrypted credentials, or null.
  // Inside a transaction pass its manager: a second pooled connection per job can exhaust the pool.
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
}
