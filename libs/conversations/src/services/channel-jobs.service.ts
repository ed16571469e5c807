import {
  AttachmentMetadata,
  ChannelError,
  ChannelErrorCode,
  decideOnChannelError,
  findChannelDefinition,
  InboundMessage,
  OutboundContext,
  ProfileSource,
} from '@app/channels';
import { WaslConfig } from '@app/config';
import { ContactsService } from '@app/contacts';
import { TransactionRunner } from '@app/database';
import { ChannelTemplatesService, InboxesService } from '@app/inboxes';
import type { Inbox } from '@app/inboxes/entities';
import { JobName, JobOf, JobQueue, JobStatus } from '@app/queue';
import { RealtimePublisher } from '@app/realtime';
import { RealtimeEvent } from '@app/wire';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { Repository } from 'typeorm';
import { Message } from '../entities/message.entity';
import { audienceOfMessage } from './conversation-access.util';
import { toMessageView } from './conversation-view';
import { ChannelMediaStore, channelMediaKeyOf, channelMediaTypeOf } from './channel-media.store';
import { MessageNotYetKnownError } from './delivery-status.service';
import { OutboundAdapterFactory } from './outbound-adapter.factory';

// A profile picture is a thumbnail: Meta's are a few tens of kilobytes.
const PROFILE_PICTURE_MAX_BYTES = 1024 * 1024;
const PROFILE_PICTURE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

// The channel work that follows a stored message or a new inbox, asked of the channel's definition and run by the
// worker (never inside a webhook or an administrator's request): files a message names by id (WhatsApp media),
// the provider's templates, registering Wasl's webhook with the provider (Telegram's setWebhook).
@Injectable()
export class ChannelJobsService {
  private readonly logger = new Logger(ChannelJobsService.name);

  constructor(
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    private readonly jobs: JobQueue,
    private readonly inboxes: InboxesService,
    private readonly contacts: ContactsService,
    private readonly templates: ChannelTemplatesService,
    private readonly adapters: OutboundAdapterFactory,
    private readonly store: ChannelMediaStore,
    private readonly transactions: TransactionRunner,
    private readonly realtime: RealtimePublisher,
    private readonly config: WaslConfig,
  ) {}

  // After the intake stored a message: its files are fetched by the worker once the message row exists.
  // A sender the channel names only by id gets their name from the provider's profile (Messenger, Instagram).
  async afterAccepted(inbox: Inbox, messageId: string, message: InboundMessage): Promise<void> {
    const definition = findChannelDefinition(inbox.channel, inbox.provider);
    const payload = { organisationId: inbox.organisationId, inboxId: inbox.id, messageId };
    if (definition?.media && message.attachments.some((attachment) => attachment.providerMediaId)) {
      await this.jobs.enqueue(JobName.FetchInboundMedia, payload);
    }
    if (definition?.profiles && message.sender.externalId && !message.sender.name) {
      await this.jobs.enqueue(JobName.FetchSenderProfile, payload);
    }
  }

  async fetchProfile(job: JobOf<JobName.FetchSenderProfile>): Promise<JobStatus> {
    const message = await this.messages.findOneBy({ id: job.messageId, organisationId: job.organisationId, inboxId: job.inboxId });
    if (!message) throw new MessageNotYetKnownError(`Message ${job.messageId} is not stored yet`);
    const contact = await this.contacts.findInOrganisation(job.organisationId, message.contactId);
    if (!contact || contact.name) return JobStatus.Skipped;
    const externalId = await this.contacts.externalIdIn(job.organisationId, contact.id, job.inboxId);
    const found = await this.requireInbox(job);
    const definition = findChannelDefinition(found.inbox.channel, found.inbox.provider);
    if (!definition?.profiles || !externalId) return JobStatus.Skipped;
    const context = this.adapters.contextOf(found);
    const profile = await this.permanentlyFailing(() => definition.profiles!.fetch(context, externalId));
    const name = profile.name?.trim().slice(0, 200);
    const picturePath = profile.pictureUrl
      ? await this.storedPicture(definition.profiles, context, found.inbox.id, profile.pictureUrl)
      : undefined;
    if (!name && !picturePath) return JobStatus.Skipped;
    await this.transactions.run(async (manager) => {
      if (name) await this.contacts.correct(manager, job.organisationId, contact.id, { name });
      if (picturePath) await this.contacts.setPicture(manager, job.organisationId, contact.id, picturePath);
    });
    return JobStatus.Applied;
  }

  // A picture is a courtesy to the officer: one that cannot be fetched (another host, too large, not an image) is
  // logged and skipped, never a reason to retry the name.
  private async storedPicture(
    profiles: ProfileSource,
    context: OutboundContext,
    inboxId: string,
    url: string,
  ): Promise<string | undefined> {
    if (!profiles.picture) return undefined;
    try {
      const picture = await profiles.picture(context, url, PROFILE_PICTURE_MAX_BYTES);
      if (!PROFILE_PICTURE_TYPES.has(picture.contentType)) throw new Error(`${picture.contentType.slice(0, 40)} is not a picture`);
      return (await this.store.store(inboxId, picture.content, picture.contentType)).path;
    } catch (error) {
      this.logger.warn(`Inbox ${inboxId}: the profile picture was not kept (${(error as Error).message.slice(0, 120)})`);
      return undefined;
    }
  }

  // After an inbox is created (or its secret changes): register the webhook, sync the templates.
  async afterInboxChanged(inbox: Pick<Inbox, 'id' | 'organisationId' | 'channel' | 'provider'>): Promise<void> {
    const definition = findChannelDefinition(inbox.channel, inbox.provider);
    const payload = { organisationId: inbox.organisationId, inboxId: inbox.id };
    if (definition?.setUp) await this.jobs.enqueue(JobName.SetUpChannel, payload);
    if (definition?.templates) await this.jobs.enqueue(JobName.SyncChannelTemplates, payload);
  }

  // false when the inbox's channel has no templates.
  async requestTemplateSync(inbox: Pick<Inbox, 'id' | 'organisationId' | 'channel' | 'provider'>): Promise<boolean> {
    if (!findChannelDefinition(inbox.channel, inbox.provider)?.templates) return false;
    await this.jobs.enqueue(JobName.SyncChannelTemplates, { organisationId: inbox.organisationId, inboxId: inbox.id });
    return true;
  }

  // A stored file of an inbound message, for the staff download route (which has checked the conversation).
  async mediaOf(
    organisationId: string,
    conversationId: string,
    messageId: string,
    index: number,
  ): Promise<{ content: Buffer; attachment: AttachmentMetadata } | undefined> {
    const message = await this.messages.findOneBy({ id: messageId, conversationId, organisationId });
    const attachment = message?.attachments[index];
    const content = message && attachment?.url ? await this.store.read(message.inboxId, attachment.url) : undefined;
    return content && attachment ? { content, attachment } : undefined;
  }

  // A contact's profile picture, for the staff route (which has checked the contact).
  async contactPicture(organisationId: string, contactId: string): Promise<{ content: Buffer; contentType: string } | undefined> {
    const path = await this.contacts.picturePathOf(organisationId, contactId);
    const stored = path ? channelMediaKeyOf(path) : undefined;
    const content = path && stored ? await this.store.read(stored.inboxId, path) : undefined;
    return content && path ? { content, contentType: channelMediaTypeOf(path) } : undefined;
  }

  async fetchMedia(job: JobOf<JobName.FetchInboundMedia>, attempt: { attempt: number; maxAttempts: number }): Promise<JobStatus> {
    const message = await this.messages.findOneBy({ id: job.messageId, organisationId: job.organisationId, inboxId: job.inboxId });
    // The inbound worker has not applied the message yet: retried with backoff.
    if (!message) throw new MessageNotYetKnownError(`Message ${job.messageId} is not stored yet`);
    if (!message.attachments.some((attachment) => attachment.providerMediaId)) return JobStatus.Skipped;
    const found = await this.requireInbox(job);
    const definition = findChannelDefinition(found.inbox.channel, found.inbox.provider);
    if (!definition?.media) throw new UnrecoverableError('This channel names no media');
    const context = this.adapters.contextOf(found);
    const attachments: AttachmentMetadata[] = [];
    for (const attachment of message.attachments) {
      if (!attachment.providerMediaId) {
        attachments.push(attachment);
        continue;
      }
      try {
        const file = await definition.media.download(context, attachment.providerMediaId, this.config.channels.mediaMaxBytes);
        const contentType = attachment.contentType ?? file.contentType;
        const stored = await this.store.store(found.inbox.id, file.content, contentType);
        const { providerMediaId: _providerMediaId, ...rest } = attachment;
        attachments.push({
          ...rest,
          url: stored.path,
          contentType,
          sizeBytes: stored.sizeBytes,
          fileName: attachment.fileName ?? file.fileName,
        });
      } catch (error) {
        const channelError = error instanceof ChannelError ? error : new ChannelError(ChannelErrorCode.Unknown, (error as Error).message);
        const lastAttempt = attempt.attempt >= attempt.maxAttempts;
        if (decideOnChannelError(channelError.code).retry && !lastAttempt) throw channelError;
        // Kept on the row, so the officer sees a file came and why it is missing.
        const { providerMediaId: _providerMediaId, ...rest } = attachment;
        attachments.push({ ...rest, unavailable: channelError.message.slice(0, 200) });
      }
    }
    message.attachments = attachments;
    message.updatedAt = new Date();
    await this.transactions.run((manager) => manager.update(Message, { id: message.id }, { attachments, updatedAt: message.updatedAt }));
    const audience = await audienceOfMessage(this.messages.manager, message);
    this.realtime.toConversationAudience(audience, RealtimeEvent.MessageUpdated, toMessageView(message));
    return JobStatus.Applied;
  }

  async syncTemplates(job: JobOf<JobName.SyncChannelTemplates>): Promise<JobStatus> {
    const found = await this.requireInbox(job);
    const definition = findChannelDefinition(found.inbox.channel, found.inbox.provider);
    if (!definition?.templates) return JobStatus.Skipped;
    const listed = await this.permanentlyFailing(() => definition.templates!.sync(this.adapters.contextOf(found)));
    const count = await this.templates.replace(found.inbox.organisationId, found.inbox.id, listed);
    this.logger.log(`Inbox ${found.inbox.id}: ${count} templates synced`);
    return JobStatus.Applied;
  }

  async setUp(job: JobOf<JobName.SetUpChannel>): Promise<JobStatus> {
    const found = await this.requireInbox(job);
    const definition = findChannelDefinition(found.inbox.channel, found.inbox.provider);
    if (!definition?.setUp || !found.inbox.active) return JobStatus.Skipped;
    await this.permanentlyFailing(() => definition.setUp!(this.adapters.contextOf(found)));
    return JobStatus.Applied;
  }

  private async requireInbox(job: { organisationId: string; inboxId: string }) {
    const found = await this.inboxes.findWithSecrets(job.inboxId);
    if (!found || found.inbox.organisationId !== job.organisationId) throw new UnrecoverableError(`Inbox ${job.inboxId} is gone`);
    return found;
  }

  // Credentials refused or a bad address: retrying changes nothing, the administrator must fix the inbox.
  private async permanentlyFailing<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof ChannelError && !decideOnChannelError(error.code).retry)
        throw new UnrecoverableError(`${error.code}: ${error.message}`);
      throw error;
    }
  }
}
