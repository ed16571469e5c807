import { AuditAction, AuditService } from '@app/audit';
import { ChannelKind } from '@app/channels';
import { ApiErrorCode, ApiException, JsonObject } from '@app/common';
import { ContactsService } from '@app/contacts';
import type { Contact } from '@app/contacts/entities';
import {
  ContactMergeService,
  ConversationPriority,
  ConversationQueriesService,
  findVisibleConversation,
  OutreachService,
  seesWholeOrganisation,
  StaffConversationsService,
  toConversationView,
} from '@app/conversations';
import type { Conversation } from '@app/conversations/entities';
import { TransactionRunner } from '@app/database';
import { AuthenticatedUser, OrganisationsService, TeamsService, UserRole } from '@app/identity';
import { InboxesService } from '@app/inboxes';
import type { Inbox } from '@app/inboxes/entities';
import { RealtimePublisher } from '@app/realtime';
import { RealtimeEvent } from '@app/wire';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Brackets, EntityManager } from 'typeorm';
import { CodeSmsSender, maskedPhone } from '../notices/code-sms-sender.service';
import { OneTimeCodesService } from '../services/one-time-codes.service';
import { CODES_PER_PHONE, CODES_PER_REQUEST, RequestRateLimiter } from '../services/request-rate-limiter.service';
import { RequestSettingsService } from '../services/request-settings.service';
import { westernDigits } from '../validation/western-digits.util';
import {
  CaptureFeedbackDto,
  CreateInternalRequestDto,
  KindActionDto,
  KindRequestSettingsDto,
  ListKindRequestsQuery,
} from './kind-request.dto';
import { KindRequestEvent, KindRequestEventType } from './kind-request-event.entity';
import { KindRequestSettings } from './kind-request-settings.entity';
import { KindRequest } from './kind-request.entity';
import { feedbackActedOnText, KIND_TITLES_AR, verificationCodeText, volunteeringDecisionText } from './kind-notice.templates';
import { FINAL_KIND_STATES, INITIAL_KIND_STATE, KIND_TRANSITIONS, kindTransition } from './kind-transitions.constant';
import { FeedbackType, InternalPriority, KindSource, RequestKind, VolunteeringState } from './request-kind.enum';

export interface KindRequestView {
  id: string;
  kind: RequestKind;
  state: string;
  source: KindSource;
  conversationId: string | null;
  conversationNumber: number | null;
  contact: { id: string; name: string | null; phoneVerified: boolean } | null;
  teamId: string | null;
  requesterUserId: string | null;
  feedbackType: FeedbackType | null;
  priority: InternalPriority | null;
  subject: string | null;
  details: string;
  tags: string[];
  data: JsonObject;
  reply: string | null;
  // The actions the caller may take now.
  actions: string[];
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PublicKindSubmission {
  name: string;
  phone: string;
  details: string;
  feedbackType?: FeedbackType;
  data: JsonObject;
}

const INBOX_NAMES: Record<ChannelKind.Internal | ChannelKind.WebForm, string> = {
  [ChannelKind.Internal]: 'الطلبات الداخلية',
  [ChannelKind.WebForm]: 'النماذج العامة',
};

const PRIORITY_OF: Record<InternalPriority, ConversationPriority> = {
  [InternalPriority.Low]: ConversationPriority.Low,
  [InternalPriority.Normal]: ConversationPriority.Normal,
  [InternalPriority.High]: ConversationPriority.High,
  [InternalPriority.Urgent]: ConversationPriority.Urgent,
};

// Audit subjects, one per kind, so the audit log's filters tell them apart.
const SUBJECT_TYPE: Record<RequestKind, string> = {
  [RequestKind.Volunteering]: 'volunteer_application',
  [RequestKind.Feedback]: 'feedback',
  [RequestKind.Internal]: 'internal_request',
};

// Volunteering applications, suggestions and complaints, and internal requests between departments: each opens (or
// links) a conversation worked like any other, and moves only through KIND_TRANSITIONS.
@Injectable()
export class KindRequestsService {
  private readonly logger = new Logger(KindRequestsService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly inboxes: InboxesService,
    private readonly contacts: ContactsService,
    private readonly merges: ContactMergeService,
    private readonly outreach: OutreachService,
    private readonly staffConversations: StaffConversationsService,
    private readonly realtime: RealtimePublisher,
    private readonly audit: AuditService,
    private readonly codes: OneTimeCodesService,
    private readonly codeSender: CodeSmsSender,
    private readonly rateLimiter: RequestRateLimiter,
    private readonly requestSettings: RequestSettingsService,
    private readonly teams: TeamsService,
    private readonly organisations: OrganisationsService,
    private readonly conversationQueries: ConversationQueriesService,
  ) {}

  // ----- Settings -----

  async settings(organisationId: string): Promise<KindRequestSettingsDto> {
    const found = await this.transactions.run((manager) => manager.findOneBy(KindRequestSettings, { organisationId }));
    return { volunteeringTeamId: found?.volunteeringTeamId ?? null, feedbackTeamId: found?.feedbackTeamId ?? null };
  }

  async saveSettings(user: AuthenticatedUser, input: KindRequestSettingsDto): Promise<KindRequestSettingsDto> {
    await this.transactions.run(async (manager) => {
      for (const field of ['volunteeringTeamId', 'feedbackTeamId'] as const) {
        const teamId = input[field];
        if (teamId && !(await this.teams.existsWithin(manager, user.organisationId, teamId))) {
          throw ApiException.validation([{ field, message: 'is not a team of this organisation' }]);
        }
      }
      const current = await manager.findOneBy(KindRequestSettings, { organisationId: user.organisationId });
      const row: KindRequestSettings = {
        organisationId: user.organisationId,
        volunteeringTeamId: input.volunteeringTeamId === undefined ? (current?.volunteeringTeamId ?? null) : input.volunteeringTeamId,
        feedbackTeamId: input.feedbackTeamId === undefined ? (current?.feedbackTeamId ?? null) : input.feedbackTeamId,
        updatedAt: new Date(),
      };
      await manager.save(KindRequestSettings, row);
      await this.audit.record(
        {
          organisationId: user.organisationId,
          actorUserId: user.id,
          action: AuditAction.RequestSettingsChanged,
          subjectType: 'kind_request_settings',
          subjectId: user.organisationId,
          details: { fields: Object.keys(input) },
        },
        manager,
      );
    });
    return this.settings(user.organisationId);
  }

  // ----- Creating records -----

  // A public form's submission: a new contact holding the typed name and number as claims, a conversation on the
  // public-forms inbox for the kind's team, its data as the first note, and the record.
  async submitPublic(organisationId: string, kind: RequestKind.Volunteering | RequestKind.Feedback, input: PublicKindSubmission) {
    const inbox = await this.ensureInbox(organisationId, ChannelKind.WebForm);
    const settings = await this.settings(organisationId);
    const teamId = kind === RequestKind.Volunteering ? settings.volunteeringTeamId : settings.feedbackTeamId;
    const created = await this.transactions.run(async (manager) => {
      const contact = await this.contacts.createWithClaims(manager, organisationId, { name: input.name, claimedPhone: input.phone });
      const record = this.newRecord(organisationId, kind, KindSource.PublicForm, {
        contactId: contact.id,
        teamId: teamId ?? null,
        feedbackType: input.feedbackType ?? null,
        details: input.details,
        data: input.data,
      });
      const conversation = await this.openConversation(manager, inbox, contact, record, null);
      record.conversationId = conversation.id;
      await this.insertRecord(manager, record, null);
      return { record, conversation, contact };
    });
    this.publishOpened(created.conversation, created.contact);
    return created.record;
  }

  // One click in a conversation: the beneficiary's suggestion or complaint, linked to the conversation it was said in.
  async captureFeedback(user: AuthenticatedUser, input: CaptureFeedbackDto): Promise<KindRequestView> {
    if (user.role !== UserRole.Officer && user.role !== UserRole.Supervisor) {
      throw new ApiException(ApiErrorCode.Forbidden, 'Officers and supervisors record suggestions and complaints');
    }
    const settings = await this.settings(user.organisationId);
    const record = await this.transactions.run(async (manager) => {
      const conversation = await findVisibleConversation(manager, user, input.conversationId).catch((error: unknown) => {
        if (error instanceof ApiException && error.getStatus() === 404) {
          throw ApiException.validation([{ field: 'conversationId', message: 'is not a conversation you can see' }]);
        }
        throw error;
      });
      const record = this.newRecord(user.organisationId, RequestKind.Feedback, KindSource.Conversation, {
        contactId: conversation.contactId,
        conversationId: conversation.id,
        teamId: settings.feedbackTeamId,
        requesterUserId: user.id,
        feedbackType: input.feedbackType,
        details: input.details,
        tags: uniqueTags(input.tags ?? []),
      });
      await this.insertRecord(manager, record, user.id);
      // The conversation's own timeline says it was recorded, for the officers who work it.
      await this.addNote(
        manager,
        conversation,
        user.id,
        `${input.feedbackType === FeedbackType.Complaint ? 'سُجّلت شكوى' : 'سُجّل مقترح'}: ${input.details}`,
      );
      return record;
    });
    return this.view(user, record.id);
  }

  // A staff member asks another department: a conversation of the internal inbox assigned to that team, whose contact
  // is the requester's own staff contact.
  async createInternal(user: AuthenticatedUser, input: CreateInternalRequestDto): Promise<KindRequestView> {
    const inbox = await this.ensureInbox(user.organisationId, ChannelKind.Internal);
    const created = await this.transactions.run(async (manager) => {
      if (!(await this.teams.existsWithin(manager, user.organisationId, input.teamId))) {
        throw ApiException.validation([{ field: 'teamId', message: 'is not a team of this organisation' }]);
      }
      const contact = await this.contacts.resolveSender(manager, user.organisationId, inbox.id, {
        externalId: `staff:${user.id}`,
        name: user.name,
      });
      const record = this.newRecord(user.organisationId, RequestKind.Internal, KindSource.Staff, {
        contactId: contact.id,
        teamId: input.teamId,
        requesterUserId: user.id,
        priority: input.priority ?? InternalPriority.Normal,
        subject: input.subject,
        details: input.details,
      });
      const conversation = await this.openConversation(manager, inbox, contact, record, user.id);
      record.conversationId = conversation.id;
      await this.insertRecord(manager, record, user.id);
      return { record, conversation, contact };
    });
    this.publishOpened(created.conversation, created.contact);
    return this.view(user, created.record.id);
  }

  // ----- Reading -----

  async list(user: AuthenticatedUser, query: ListKindRequestsQuery): Promise<{ items: KindRequestView[] }> {
    this.assertMayList(user, query.kind);
    const records = await this.transactions.run(async (manager) => {
      const builder = manager
        .createQueryBuilder(KindRequest, 'record')
        .where('record.organisationId = :organisationId', { organisationId: user.organisationId })
        .andWhere('record.kind = :kind', { kind: query.kind })
        .orderBy('record.updatedAt', 'DESC')
        .take(query.limit ?? 100);
      if (query.state) builder.andWhere('record.state = :state', { state: query.state });
      if (query.feedbackType) builder.andWhere('record.feedbackType = :feedbackType', { feedbackType: query.feedbackType });
      // The identity module's memberships, as a sub-query: the filter, order and limit stay in one SQL query.
      const memberships = this.teams.memberTeamIdsScope(user.organisationId, user.id);
      const myTeams = memberships.teamIdsSql;
      builder.setParameters(memberships.parameters);
      if (query.view === 'mine') builder.andWhere('record.requesterUserId = :viewerId', { viewerId: user.id });
      if (query.view === 'team') builder.andWhere(`record.teamId IN (${myTeams})`);
      if (!seesWholeOrganisation(user.role)) {
        builder.andWhere(
          new Brackets((visible) => {
            visible.where('record.requesterUserId = :viewerId', { viewerId: user.id });
            if (query.kind !== RequestKind.Feedback) visible.orWhere(`record.teamId IN (${myTeams})`);
          }),
        );
      }
      const found = await builder.getMany();
      // Tags are a JSON list on both drivers: filtered here, on a page already limited to the organisation and kind.
      return query.tag ? found.filter((record) => record.tags.includes(query.tag!)) : found;
    });
    return { items: await this.views(user, records) };
  }

  async view(user: AuthenticatedUser, id: string): Promise<KindRequestView> {
    const record = await this.transactions.run((manager) => this.visibleRecord(manager, user, id));
    return (await this.views(user, [record]))[0];
  }

  async events(user: AuthenticatedUser, id: string): Promise<{ items: KindRequestEvent[] }> {
    return this.transactions.run(async (manager) => {
      await this.visibleRecord(manager, user, id);
      const items = await manager.find(KindRequestEvent, {
        where: { kindRequestId: id, organisationId: user.organisationId },
        order: { createdAt: 'ASC' },
      });
      return { items };
    });
  }

  async updateTags(user: AuthenticatedUser, id: string, tags: string[]): Promise<KindRequestView> {
    await this.transactions.run(async (manager) => {
      const record = await this.visibleRecord(manager, user, id);
      if (record.kind !== RequestKind.Feedback)
        throw ApiException.validation([{ field: 'tags', message: 'only suggestions and complaints are tagged' }]);
      if (user.role !== UserRole.Supervisor && record.requesterUserId !== user.id) {
        throw new ApiException(ApiErrorCode.Forbidden, 'Only the supervisor tags suggestions and complaints');
      }
      await manager.update(KindRequest, { id }, { tags: uniqueTags(tags), updatedAt: new Date() });
    });
    return this.view(user, id);
  }

  // ----- The state machines -----

  async act(user: AuthenticatedUser, id: string, input: KindActionDto): Promise<KindRequestView> {
    const outcome = await this.transactions.run(async (manager) => {
      const record = await this.visibleRecord(manager, user, id, true);
      const transition = kindTransition(record.kind, input.action);
      if (!transition) {
        const actions = KIND_TRANSITIONS.filter((candidate) => candidate.kind === record.kind).map((candidate) => candidate.action);
        throw ApiException.validation([{ field: 'action', message: `must be one of ${actions.join(', ')}` }]);
      }
      if (!transition.roles.includes(user.role)) {
        throw new ApiException(ApiErrorCode.Forbidden, `A ${user.role} may not ${transition.action} a ${record.kind} record`);
      }
      if (transition.teamOnly && user.role !== UserRole.Supervisor && !(await this.isMember(manager, user, record.teamId))) {
        throw new ApiException(ApiErrorCode.Forbidden, `Only the record's team may ${transition.action} it`);
      }
      if (!transition.from.includes(record.state)) {
        throw new ApiException(
          ApiErrorCode.Conflict,
          `${transition.action} needs the state ${transition.from.join(' or ')}; it is ${record.state}`,
          [{ field: 'action', message: `not allowed in state ${record.state}` }],
        );
      }
      const reply = input.reply?.trim();
      if (transition.needsReply && !reply) throw ApiException.validation([{ field: 'reply', message: 'is required to tell the sender' }]);
      const now = new Date();
      const fromState = record.state;
      const patch: Partial<KindRequest> = {
        state: transition.to,
        updatedAt: now,
        ...(reply ? { reply } : {}),
        ...(FINAL_KIND_STATES.includes(transition.to) ? { closedAt: now } : {}),
      };
      // The state it was read in is the condition: two clicks at once move it once.
      const updated = await manager.update(KindRequest, { id, state: fromState }, patch);
      if (updated.affected === 0) throw new ApiException(ApiErrorCode.Conflict, 'The record changed meanwhile; reload it');
      Object.assign(record, patch);
      await this.addEvent(manager, record, {
        type: KindRequestEventType.Transition,
        action: transition.action,
        fromState,
        toState: transition.to,
        actorUserId: user.id,
        details: input.note ? { note: input.note } : null,
      });
      await this.audit.record(
        {
          organisationId: user.organisationId,
          actorUserId: user.id,
          action: AuditAction.RequestTransitioned,
          subjectType: SUBJECT_TYPE[record.kind],
          subjectId: record.id,
          details: { action: transition.action, from: fromState, to: transition.to },
        },
        manager,
      );
      if (record.conversationId) {
        const conversation = await this.conversationQueries.conversationWithin(manager, user.organisationId, record.conversationId);
        if (conversation)
          await this.addNote(
            manager,
            conversation,
            user.id,
            `${KIND_TITLES_AR[record.kind]}: ${transition.action} (${fromState} ← ${transition.to})`,
          );
      }
      return { record, transition, reply };
    });
    if (outcome.transition.tellsPerson) await this.tellPerson(outcome.record, outcome.reply);
    return this.view(user, id);
  }

  // ----- The public form's number: a claim until the person enters the code sent to it -----

  async sendVerificationCode(organisationId: string, recordId: string): Promise<string> {
    const { phone, organisationName } = await this.transactions.run(async (manager) => {
      const record = await manager.findOneBy(KindRequest, { id: recordId, organisationId, source: KindSource.PublicForm });
      const contact = record?.contactId ? await this.contacts.current(manager, organisationId, record.contactId) : null;
      const organisationName = await this.organisations.nameOf(organisationId, manager);
      if (!contact?.phone || contact.phoneVerified) throw ApiException.notFound('Unverified number');
      return { phone: contact.phone, organisationName: organisationName ?? '' };
    });
    if (
      !(await this.rateLimiter.allows(`verify-kind:${recordId}`, CODES_PER_REQUEST)) ||
      !(await this.rateLimiter.allows(`code-phone:${phone}`, CODES_PER_PHONE))
    ) {
      throw new ApiException(ApiErrorCode.RateLimited, 'Too many codes sent; wait a few minutes');
    }
    const smsInboxId = (await this.transactions.run((manager) => this.requestSettings.load(manager, organisationId))).smsInboxId;
    const code = await this.codes.issue('verify-kind-phone', recordId, phone);
    try {
      await this.codeSender.send(organisationId, smsInboxId, phone, verificationCodeText(organisationName, code));
    } catch (error) {
      await this.codes.forget('verify-kind-phone', recordId);
      throw error;
    }
    return maskedPhone(phone);
  }

  async verifyPhone(organisationId: string, recordId: string, code: string): Promise<void> {
    const digits = westernDigits(code.trim());
    if (!/^\d{6}$/.test(digits)) throw ApiException.validation([{ field: 'code', message: 'must be the 6 digits sent by SMS' }]);
    const checked = await this.codes.check('verify-kind-phone', recordId, digits);
    if (!checked.ok)
      throw ApiException.validation([{ field: 'code', message: checked.reason === 'wrong' ? 'is not the code sent' : 'has expired' }]);
    await this.transactions.run(async (manager) => {
      const record = await manager.findOneByOrFail(KindRequest, { id: recordId, organisationId });
      const contact = await this.contacts.current(manager, organisationId, record.contactId!);
      if (!contact) return;
      const outcome = await this.contacts.verifyPhone(manager, organisationId, contact.id, checked.phone);
      if (outcome.kind === 'belongs-to') await this.merges.mergeVerifiedPerson(manager, organisationId, outcome.contactId, contact.id);
    });
  }

  async recordExists(organisationId: string, recordId: string): Promise<KindRequest | null> {
    return this.transactions.run((manager) => manager.findOneBy(KindRequest, { id: recordId, organisationId }));
  }

  // ----- Inside -----

  private async tellPerson(record: KindRequest, reply: string | undefined): Promise<void> {
    const name = (await this.organisations.nameOf(record.organisationId)) ?? '';
    const text =
      record.kind === RequestKind.Volunteering
        ? volunteeringDecisionText(name, record.state === VolunteeringState.Accepted, reply)
        : feedbackActedOnText(name, record.feedbackType === FeedbackType.Complaint, reply ?? '');
    let details: JsonObject;
    let type: KindRequestEventType;
    try {
      if (!record.contactId) throw new ApiException(ApiErrorCode.Conflict, 'The record has no contact');
      // The record's own conversation first, when it is on a channel that can send (feedback captured in a chat).
      const started = await this.outreach
        .sendToContact(record.organisationId, record.contactId, text, record.conversationId ?? undefined)
        .catch((error: unknown) => {
          if (error instanceof ApiException && record.conversationId)
            return this.outreach.sendToContact(record.organisationId, record.contactId!, text);
          throw error;
        });
      type = KindRequestEventType.NoticeSent;
      details = { conversationId: started.conversation.id, messageId: started.message.id, channel: started.conversation.channel };
    } catch (error) {
      type = KindRequestEventType.NoticeNotSent;
      details = { reason: error instanceof Error ? error.message : 'unknown' };
      this.logger.warn(`Notice of ${record.kind} ${record.id} not sent: ${details.reason as string}`);
    }
    await this.transactions.run((manager) =>
      this.addEvent(manager, record, { type, action: null, fromState: null, toState: null, actorUserId: null, details }),
    );
  }

  private newRecord(organisationId: string, kind: RequestKind, source: KindSource, fields: Partial<KindRequest>): KindRequest {
    const now = new Date();
    return Object.assign(new KindRequest(), {
      id: randomUUID(),
      organisationId,
      kind,
      state: INITIAL_KIND_STATE[kind],
      source,
      conversationId: null,
      contactId: null,
      teamId: null,
      requesterUserId: null,
      feedbackType: null,
      priority: null,
      subject: null,
      tags: [],
      data: {},
      reply: null,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
      ...fields,
    });
  }

  private async insertRecord(manager: EntityManager, record: KindRequest, actorUserId: string | null): Promise<void> {
    await manager.insert(KindRequest, record);
    await this.addEvent(manager, record, {
      type: KindRequestEventType.Created,
      action: null,
      fromState: null,
      toState: record.state,
      actorUserId,
      details: { source: record.source },
    });
    await this.audit.record(
      {
        organisationId: record.organisationId,
        actorUserId,
        action: AuditAction.RequestCreated,
        subjectType: SUBJECT_TYPE[record.kind],
        subjectId: record.id,
        details: { source: record.source },
      },
      manager,
    );
  }

  private async addEvent(
    manager: EntityManager,
    record: KindRequest,
    event: Pick<KindRequestEvent, 'type' | 'action' | 'fromState' | 'toState' | 'actorUserId' | 'details'>,
  ): Promise<void> {
    await manager.insert(KindRequestEvent, {
      id: randomUUID(),
      organisationId: record.organisationId,
      kindRequestId: record.id,
      createdAt: new Date(),
      ...event,
    });
  }

  private async openConversation(
    manager: EntityManager,
    inbox: Inbox,
    contact: Contact,
    record: KindRequest,
    openedBy: string | null,
  ): Promise<Conversation> {
    const conversation = await this.staffConversations.open(manager, {
      organisationId: record.organisationId,
      inbox: { id: inbox.id, channel: inbox.channel },
      teamId: record.teamId,
      contactId: contact.id,
      priority: record.priority ? PRIORITY_OF[record.priority] : undefined,
    });
    await this.addNote(manager, conversation, openedBy, summaryOf(record, contact));
    return conversation;
  }

  private addNote(manager: EntityManager, conversation: Conversation, authorId: string | null, text: string) {
    return this.staffConversations.addNote(manager, conversation, authorId, text);
  }

  private publishOpened(conversation: Conversation, contact: Contact): void {
    this.realtime.toConversationAudience(conversation, RealtimeEvent.ConversationCreated, toConversationView(conversation, contact));
  }

  // The inbox of the public forms or of internal requests, made on first use (an administrator may rename it or give
  // it an access list like any inbox).
  private async ensureInbox(organisationId: string, channel: ChannelKind.Internal | ChannelKind.WebForm): Promise<Inbox> {
    const find = () => this.inboxes.firstActiveOfChannel(organisationId, channel);
    const existing = await find();
    if (existing) return existing;
    await this.inboxes
      .create(organisationId, { channel, name: INBOX_NAMES[channel], settings: {} }, () => Promise.resolve(false))
      .catch((error: unknown) => {
        // Two first submissions at once: the other made it.
        if (!(error instanceof ApiException && error.code === ApiErrorCode.Conflict)) throw error;
      });
    const created = await find();
    if (!created) throw new ApiException(ApiErrorCode.Conflict, `The ${channel} inbox is disabled; an administrator can enable it`);
    return created;
  }

  private assertMayList(user: AuthenticatedUser, kind: RequestKind): void {
    if (
      kind === RequestKind.Feedback &&
      user.role !== UserRole.Supervisor &&
      user.role !== UserRole.Admin &&
      user.role !== UserRole.Officer
    ) {
      throw new ApiException(ApiErrorCode.Forbidden, 'Suggestions and complaints are the supervisor\u2019s queue');
    }
  }

  // Another organisation's record, or one outside the caller's work, is 404 alike.
  private async visibleRecord(manager: EntityManager, user: AuthenticatedUser, id: string, lock = false): Promise<KindRequest> {
    const query = manager
      .createQueryBuilder(KindRequest, 'record')
      .where('record.id = :id', { id })
      .andWhere('record.organisationId = :organisationId', { organisationId: user.organisationId });
    if (lock && manager.connection.options.type === 'postgres') query.setLock('pessimistic_write');
    const record = await query.getOne();
    if (!record) throw ApiException.notFound('Record');
    if (seesWholeOrganisation(user.role) || record.requesterUserId === user.id) return record;
    if (record.kind !== RequestKind.Feedback && (await this.isMember(manager, user, record.teamId))) return record;
    throw ApiException.notFound('Record');
  }

  private async isMember(manager: EntityManager, user: AuthenticatedUser, teamId: string | null): Promise<boolean> {
    return teamId !== null && this.teams.isMemberWithin(manager, user.organisationId, teamId, user.id);
  }

  private async views(user: AuthenticatedUser, records: KindRequest[]): Promise<KindRequestView[]> {
    if (records.length === 0) return [];
    return this.transactions.run(async (manager) => {
      const conversationIds = records.map((record) => record.conversationId).filter((id): id is string => id !== null);
      const contactIds = records.map((record) => record.contactId).filter((id): id is string => id !== null);
      // One after another: inside a transaction every query shares one connection.
      const conversations = await this.conversationQueries.numbersOf(manager, user.organisationId, conversationIds);
      const contacts = await this.contacts.summariesOf(manager, user.organisationId, contactIds);
      const myTeams = new Set(await this.teams.teamIdsWithin(manager, user.organisationId, user.id));
      return records.map((record) => {
        const contact = contacts.find((candidate) => candidate.id === record.contactId);
        const actions = KIND_TRANSITIONS.filter(
          (transition) =>
            transition.kind === record.kind &&
            transition.from.includes(record.state) &&
            transition.roles.includes(user.role) &&
            (!transition.teamOnly || user.role === UserRole.Supervisor || (record.teamId !== null && myTeams.has(record.teamId))),
        ).map((transition) => transition.action);
        return {
          id: record.id,
          kind: record.kind,
          state: record.state,
          source: record.source,
          conversationId: record.conversationId,
          conversationNumber: conversations.find((conversation) => conversation.id === record.conversationId)?.number ?? null,
          contact: contact ? { id: contact.id, name: contact.name, phoneVerified: contact.phoneVerified } : null,
          teamId: record.teamId,
          requesterUserId: record.requesterUserId,
          feedbackType: record.feedbackType,
          priority: record.priority,
          subject: record.subject,
          details: record.details,
          tags: record.tags,
          data: record.data,
          reply: record.reply,
          actions,
          closedAt: record.closedAt,
          createdAt: record.createdAt,
          updatedAt: record.updatedAt,
        };
      });
    });
  }
}

function uniqueTags(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))].slice(0, 10);
}

// The first note of a record's conversation: what was asked, laid out for whoever works it.
function summaryOf(record: KindRequest, contact: Contact): string {
  const lines = [
    `${KIND_TITLES_AR[record.kind]}${record.feedbackType ? ` (${record.feedbackType === FeedbackType.Complaint ? 'شكوى' : 'مقترح'})` : ''}`,
  ];
  if (record.subject) lines.push(`الموضوع: ${record.subject}`);
  if (contact.name) lines.push(`الاسم: ${contact.name}`);
  if (contact.phone) lines.push(`الجوال: ${contact.phone}`);
  for (const [key, value] of Object.entries(record.data)) lines.push(`${key}: ${String(value)}`);
  if (record.priority) lines.push(`الأولوية: ${record.priority}`);
  lines.push(record.details);
  return lines.join('\n');
}
