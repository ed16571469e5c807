import { ApiException } from '@app/common';
import { ContactsService, ContactSummary, normalisePhoneNumber } from '@app/contacts';
import { ConversationsService, findVisibleConversation } from '@app/conversations';
import { TransactionRunner } from '@app/database';
import { AuthenticatedUser, TeamsService, UserRole, UsersService } from '@app/identity';
import { RealtimeEvent } from '@app/wire';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository } from 'typeorm';
import { CreateSupportRequestDto, ListSupportRequestsQuery } from '../dto/support-request.dto';
import { CommitteeVote } from '../entities/committee-vote.entity';
import { RegisteredBeneficiary } from '../entities/registered-beneficiary.entity';
import { RequestAttestation } from '../entities/request-attestation.entity';
import { RequestDocument } from '../entities/request-document.entity';
import { RequestEvent, RequestEventType } from '../entities/request-event.entity';
import { RequestType, RequestTypeVersion } from '../entities/request-type.entity';
import { ServiceDelivery } from '../entities/service-delivery.entity';
import { SupportRequest } from '../entities/support-request.entity';
import { RequestFileStore } from '../files/request-file-store';
import { NoticeTemplate } from '../notices/beneficiary-notice.templates';
import { BeneficiaryNotifier } from '../notices/beneficiary-notifier.service';
import { RequestAction, RequestSource, RequestState } from '../state/request-state.enum';
import { actionsFor, TransitionGuard, REQUEST_TRANSITIONS } from '../state/request-transitions.constant';
import { applyValuesChange } from '../validation/request-values.util';
import { saudiMobileNumber } from '../validation/saudi-mobile.util';
import { westernDigits } from '../validation/western-digits.util';
import { findVisibleRequest, seesAllRequests, whereRequestVisibleTo } from './request-access.util';
import { RequestLinksService } from './request-links.service';
import { RequestActorRef, RequestRecorder } from './request-recorder.service';
import { RequestSettingsService } from './request-settings.service';
import {
  AttestationView,
  halalasToRiyals,
  RequestDocumentView,
  RequestEventView,
  SupportRequestSummary,
  SupportRequestView,
} from './request-view';
import { RequestWorkflowService } from './request-workflow.service';

export interface NewRequestInput {
  typeId: string;
  contactId: string;
  source: RequestSource;
  conversationId: string | null;
  branchTeamId: string | null;
  // The officer who opened it handles it; null leaves it in the intake queue.
  officerId: string | null;
  values: Record<string, unknown>;
}

function toDocumentView(document: RequestDocument): RequestDocumentView {
  const { id, documentKey, fileName, contentType, size, sha256, expiresOn, uploadedById, uploadedAt } = document;
  return { id, documentKey, fileName, contentType, size, sha256, expiresOn, uploadedById, uploadedAt };
}

// Support requests: opening one (from a conversation, a walk-in visit, a branch office, the public form), the
// queues, and the request as its staff see it. Changes go through RequestWorkflowService.
@Injectable()
export class SupportRequestsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly contacts: ContactsService,
    private readonly conversations: ConversationsService,
    private readonly settings: RequestSettingsService,
    private readonly recorder: RequestRecorder,
    private readonly notifier: BeneficiaryNotifier,
    private readonly workflow: RequestWorkflowService,
    private readonly links: RequestLinksService,
    private readonly files: RequestFileStore,
    @InjectRepository(SupportRequest) private readonly requests: Repository<SupportRequest>,
    private readonly users: UsersService,
    private readonly teams: TeamsService,
  ) {}

  async create(user: AuthenticatedUser, input: CreateSupportRequestDto): Promise<SupportRequestView> {
    if (user.role !== UserRole.Officer && user.role !== UserRole.Supervisor) {
      throw ApiException.forbidden('Officers open support requests');
    }
    const given = [input.conversationId, input.contactId, input.contact].filter((item) => item !== undefined).length;
    if (given !== 1) {
      throw ApiException.validation([{ field: 'conversationId', message: 'give exactly one of conversationId, contactId or contact' }]);
    }
    const request = await this.transactions.run(async (manager) => {
      let contactId: string;
      let source: RequestSource = input.source ?? RequestSource.WalkIn;
      let conversationId: string | null = null;
      if (input.conversationId) {
        const conversation = await findVisibleConversation(manager, user, input.conversationId);
        conversationId = conversation.id;
        contactId = conversation.contactId;
        source = RequestSource.Conversation;
      } else if (input.contactId) {
        const contact = await this.contacts.current(manager, user.organisationId, input.contactId);
        if (!contact || !(await this.conversations.canSeeContact(user, contact.id))) {
          throw ApiException.validation([{ field: 'contactId', message: 'is not a contact you may see' }]);
        }
        contactId = contact.id;
      } else {
        const typed = input.contact!.phone?.trim();
        const phone = typed ? (saudiMobileNumber(typed) ?? normalisePhoneNumber(typed)) : undefined;
        if (typed && !phone) throw ApiException.validation([{ field: 'contact.phone', message: 'is not a phone number' }]);
        // Typed by staff: a claim, unverified until the beneficiary enters a code sent to it.
        contactId = (await this.contacts.createWithClaims(manager, user.organisationId, { name: input.contact!.name, claimedPhone: phone }))
          .id;
      }
      let branchTeamId: string | null = null;
      if (source === RequestSource.Branch) {
        branchTeamId = await this.branchOf(manager, user, input.branchTeamId);
      } else if (input.branchTeamId) {
        throw ApiException.validation([{ field: 'branchTeamId', message: 'is only for requests opened by a branch office' }]);
      }
      return this.insert(
        manager,
        { kind: 'staff', user },
        {
          typeId: input.typeId,
          contactId,
          source,
          conversationId,
          branchTeamId,
          officerId: user.role === UserRole.Officer ? user.id : null,
          values: input.values ?? {},
        },
      );
    });
    await this.announce(request);
    return this.view(user, request.id);
  }

  // The beneficiary's own request from the public form: their number is a claim (a new, unverified contact) until
  // they enter the code sent to it.
  async createFromPublicForm(
    organisationId: string,
    input: { typeId: string; name: string; phone: string; values: Record<string, unknown> },
  ): Promise<SupportRequest> {
    const request = await this.transactions.run(async (manager) => {
      const type = await manager.findOneBy(RequestType, { id: input.typeId, organisationId, active: true, publicForm: true });
      if (!type) throw ApiException.notFound('Request type');
      const contact = await this.contacts.createWithClaims(manager, organisationId, { name: input.name, claimedPhone: input.phone });
      return this.insert(
        manager,
        { kind: 'beneficiary' },
        {
          typeId: input.typeId,
          contactId: contact.id,
          source: RequestSource.PublicForm,
          conversationId: null,
          branchTeamId: null,
          officerId: null,
          values: input.values,
        },
        organisationId,
      );
    });
    await this.announce(request);
    return request;
  }

  private async insert(
    manager: EntityManager,
    actor: RequestActorRef,
    input: NewRequestInput,
    organisationId = actor.kind === 'staff' ? actor.user.organisationId : '',
  ): Promise<SupportRequest> {
    const type = await manager.findOneBy(RequestType, { id: input.typeId, organisationId, active: true });
    if (!type) throw ApiException.validation([{ field: 'typeId', message: 'is not an active request type of this organisation' }]);
    const version = await manager.findOneByOrFail(RequestTypeVersion, { id: type.currentVersionId, organisationId });
    const change = applyValuesChange(version.form, {}, input.values);
    if (change.problems.length > 0) throw ApiException.validation(change.problems);
    const now = new Date();
    const staffId = actor.kind === 'staff' ? actor.user.id : null;
    const request: SupportRequest = {
      id: randomUUID(),
      organisationId,
      number: await this.settings.next(manager, organisationId, 'requestCounter'),
      contactId: input.contactId,
      requestTypeId: type.id,
      typeVersionId: version.id,
      state: RequestState.Draft,
      source: input.source,
      conversationId: input.conversationId,
      branchTeamId: input.branchTeamId,
      createdById: staffId,
      officerId: input.officerId,
      researcherId: null,
      values: change.values,
      findings: null,
      decision: null,
      submittedAt: null,
      committeeSubmittedAt: null,
      committeeRound: 0,
      answerDueOn: null,
      deadlineAlertedAt: null,
      beneficiaryId: null,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await manager.insert(SupportRequest, request);
    await this.recorder.record(
      manager,
      request,
      actor,
      {
        type: RequestEventType.Created,
        to: RequestState.Draft,
        details: {
          source: input.source,
          typeVersion: version.version,
          ...(input.conversationId ? { conversationId: input.conversationId } : {}),
        },
      },
      now,
    );
    return request;
  }

  // After the commit: the live feed, and the beneficiary is told it was received (with the link to follow it).
  private async announce(request: SupportRequest): Promise<void> {
    await this.transactions.run((manager) => this.recorder.publish(manager, request, RealtimeEvent.RequestCreated));
    await this.notifier
      .notify(request.organisationId, request.id, NoticeTemplate.Received, {
        link: this.links.url(request.organisationId, request.id, 'status'),
      })
      .catch(() => undefined);
  }

  private async branchOf(manager: EntityManager, user: AuthenticatedUser, teamId: string | undefined): Promise<string> {
    if (!teamId) throw ApiException.validation([{ field: 'branchTeamId', message: 'names the branch office for source branch' }]);
    const branch = await this.teams.isBranchWithin(manager, user.organisationId, teamId);
    const member = seesAllRequests(user.role) || (await this.teams.isMemberWithin(manager, user.organisationId, teamId, user.id));
    if (!branch || !member) {
      throw ApiException.validation([{ field: 'branchTeamId', message: 'is not a branch office you represent' }]);
    }
    return teamId;
  }

  async list(user: AuthenticatedUser, filters: ListSupportRequestsQuery): Promise<{ items: SupportRequestSummary[] }> {
    const limit = filters.limit ?? 50;
    const query = this.requests.manager
      .createQueryBuilder(SupportRequest, 'request')
      .leftJoinAndMapOne('request.type', RequestType, 'type', 'type.id = request.requestTypeId')
      .where('request.organisationId = :organisationId', { organisationId: user.organisationId })
      .orderBy('request.updatedAt', 'DESC')
      .addOrderBy('request.id', 'DESC')
      .take(limit);
    whereRequestVisibleTo(query, 'request', user);
    switch (filters.view ?? 'all') {
      case 'mine':
        if (user.role === UserRole.Researcher)
          query.andWhere('request.state IN (:...mine)', { mine: [RequestState.Referred, RequestState.InResearch] });
        else if (user.role === UserRole.Committee) {
          query
            .andWhere('request.state = :atCommittee', { atCommittee: RequestState.AtCommittee })
            .andWhere(
              `NOT EXISTS (SELECT 1 FROM committee_votes vote WHERE vote.request_id = request.id AND vote.round = request.committee_round AND vote.member_id = :viewerId)`,
              { viewerId: user.id },
            );
        } else
          query
            .andWhere('request.officerId = :viewerId', { viewerId: user.id })
            .andWhere('request.state NOT IN (:...done)', { done: [RequestState.Closed, RequestState.Rejected] });
        break;
      case 'intake':
        query.andWhere('request.officerId IS NULL').andWhere('request.state = :draft', { draft: RequestState.Draft });
        break;
      case 'research':
        query.andWhere('request.state IN (:...research)', { research: [RequestState.Referred, RequestState.InResearch] });
        break;
      case 'committee':
        query.andWhere('request.state = :atCommittee', { atCommittee: RequestState.AtCommittee });
        break;
      case 'deadlines':
        query
          .andWhere('request.state = :atCommittee', { atCommittee: RequestState.AtCommittee })
          .andWhere('request.deadlineAlertedAt IS NOT NULL');
        break;
    }
    if (filters.state) query.andWhere('request.state = :state', { state: filters.state });
    if (filters.contactId) query.andWhere('request.contactId = :contactId', { contactId: filters.contactId });
    const term = filters.q?.trim();
    if (term) {
      const number = /^#?\s*(\d{1,9})$/.exec(westernDigits(term))?.[1];
      query.andWhere(
        new Brackets((any) => {
          // The contacts module's name search, as a sub-query: the filter, order and limit stay in one SQL query.
          const named = this.contacts.nameMatchScope(user.organisationId, term);
          any.where(`request.contactId IN (${named.contactIdsSql})`, named.parameters);
          if (number) any.orWhere('request.number = :number', { number: Number(number) });
        }),
      );
    }
    const rows = (await query.getMany()) as Array<SupportRequest & { type?: RequestType }>;
    // The page's contacts in one more query (at most `limit` of them).
    const contacts = await this.contacts.summariesOf(
      this.requests.manager,
      user.organisationId,
      rows.map((row) => row.contactId),
    );
    const contactOf = new Map(contacts.map((contact) => [contact.id, contact]));
    return { items: rows.map((row) => this.summary(row, contactOf.get(row.contactId), row.type)) };
  }

  async view(user: AuthenticatedUser, requestId: string): Promise<SupportRequestView> {
    return this.transactions.run(async (manager) => {
      const request = await findVisibleRequest(manager, user, requestId);
      return this.buildView(manager, request, user);
    });
  }

  // The beneficiary's own page (no staff user): the request's view, or undefined outside the organisation.
  async publicViewOf(organisationId: string, requestId: string): Promise<SupportRequestView | undefined> {
    return this.transactions.run(async (manager) => {
      const request = await manager.findOneBy(SupportRequest, { id: requestId, organisationId });
      return request ? this.buildView(manager, request) : undefined;
    });
  }

  async buildView(manager: EntityManager, request: SupportRequest, user?: AuthenticatedUser): Promise<SupportRequestView> {
    const organisationId = request.organisationId;
    // One after another: inside a transaction every query shares one connection.
    const contact = await this.contacts.current(manager, organisationId, request.contactId);
    const type = await manager.findOneByOrFail(RequestType, { id: request.requestTypeId, organisationId });
    const version = await manager.findOneByOrFail(RequestTypeVersion, { id: request.typeVersionId, organisationId });
    const documents = await this.workflow.activeDocuments(manager, request);
    const attestations = await manager.find(RequestAttestation, {
      where: { requestId: request.id, organisationId },
      order: { attestedAt: 'DESC' },
      take: 1,
    });
    const votes = await manager.find(CommitteeVote, { where: { requestId: request.id, organisationId }, order: { createdAt: 'ASC' } });
    const services = await manager.find(ServiceDelivery, {
      where: { requestId: request.id, organisationId },
      order: { deliveredOn: 'ASC', createdAt: 'ASC' },
    });
    const beneficiary = request.beneficiaryId
      ? await manager.findOneBy(RegisteredBeneficiary, { id: request.beneficiaryId, organisationId })
      : null;
    const settings = await this.settings.load(manager, organisationId);
    const checklist = await this.workflow.checklistOf(manager, request);
    const hash = await this.workflow.currentHash(manager, request);
    const latest = attestations[0];
    const attestation: AttestationView = latest
      ? {
          status: latest.invalidatedAt === null && latest.dataHash === hash ? 'valid' : 'invalidated',
          attestedAt: latest.attestedAt,
          method: latest.method,
          channel: latest.channel,
          sentTo: latest.sentTo,
          dataHash: latest.dataHash,
          invalidatedAt: latest.invalidatedAt,
          invalidatedReason: latest.invalidatedReason ?? (latest.dataHash !== hash ? 'data_changed' : null),
        }
      : {
          status: 'none',
          attestedAt: null,
          method: null,
          channel: null,
          sentTo: null,
          dataHash: null,
          invalidatedAt: null,
          invalidatedReason: null,
        };
    const peopleIds = [
      request.officerId,
      request.researcherId,
      request.createdById,
      settings.chairUserId,
      ...votes.map((vote) => vote.memberId),
      ...services.map((service) => service.deliveredById),
    ];
    const people = await this.people(manager, organisationId, peopleIds);
    const name = (id: string) => people.find((person) => person.id === id)?.name ?? '';
    return {
      ...this.summary(request, contact ?? undefined, type),
      conversationId: request.conversationId,
      branchTeamId: request.branchTeamId,
      createdById: request.createdById,
      typeVersionId: version.id,
      typeVersion: version.version,
      typeCurrentVersion: type.version,
      // The form it was filed under: its version's, not the type's current one.
      typeNameAr: version.nameAr,
      typeNameEn: version.nameEn,
      form: version.form,
      values: request.values,
      checklist,
      documents: documents.map(toDocumentView),
      findings: request.findings,
      attestation,
      committee: {
        round: request.committeeRound,
        quorum: settings.quorum,
        chairUserId: settings.chairUserId,
        votes: votes.map((vote) => ({
          memberId: vote.memberId,
          memberName: name(vote.memberId),
          round: vote.round,
          outcome: vote.outcome,
          service: vote.service,
          amount: halalasToRiyals(vote.amountHalalas),
          reason: vote.reason,
          createdAt: vote.createdAt,
        })),
        decision: request.decision,
      },
      beneficiary: beneficiary ? { id: beneficiary.id, fileNumber: beneficiary.fileNumber } : null,
      services: services.map((service) => ({
        id: service.id,
        description: service.description,
        deliveredOn: service.deliveredOn,
        amount: halalasToRiyals(service.amountHalalas),
        quantity: service.quantity,
        deliveredById: service.deliveredById,
        deliveredByName: name(service.deliveredById),
        createdAt: service.createdAt,
      })),
      people,
      submittedAt: request.submittedAt,
      committeeSubmittedAt: request.committeeSubmittedAt,
      closedAt: request.closedAt,
      actions: user ? this.actionsOf(request, user, settings.chairUserId, votes) : [],
    };
  }

  // What this user may do now: the table's actions for the state and the role, less those a guard refuses outright
  // (another officer's request, another researcher's, a vote already cast, a decision by someone not the chair).
  private actionsOf(request: SupportRequest, user: AuthenticatedUser, chairUserId: string | null, votes: CommitteeVote[]): RequestAction[] {
    return actionsFor(request.state, user.role).filter((action) => {
      const guards = REQUEST_TRANSITIONS.find((row) => row.action === action && row.from.includes(request.state))?.guards ?? [];
      if (guards.includes(TransitionGuard.Handler) && user.role === UserRole.Officer && request.officerId && request.officerId !== user.id)
        return false;
      if (guards.includes(TransitionGuard.AssignedResearcher) && request.researcherId !== user.id) return false;
      if (guards.includes(TransitionGuard.ChairOrQuorum) && chairUserId !== user.id) return false;
      if (action === RequestAction.Vote && votes.some((vote) => vote.round === request.committeeRound && vote.memberId === user.id))
        return false;
      if (action === RequestAction.Claim && request.officerId === user.id) return false;
      return true;
    });
  }

  async events(user: AuthenticatedUser, requestId: string): Promise<{ items: RequestEventView[] }> {
    return this.transactions.run(async (manager) => {
      const request = await findVisibleRequest(manager, user, requestId);
      const events = await manager.find(RequestEvent, {
        where: { requestId: request.id, organisationId: user.organisationId },
        order: { createdAt: 'ASC' },
      });
      const people = await this.people(
        manager,
        user.organisationId,
        events.map((event) => event.actorUserId),
      );
      return {
        items: events.map((event) => ({
          id: event.id,
          type: event.type,
          action: event.action,
          fromState: event.fromState,
          toState: event.toState,
          actorKind: event.actorKind,
          actorUserId: event.actorUserId,
          actorName: people.find((person) => person.id === event.actorUserId)?.name ?? null,
          details: event.details,
          createdAt: event.createdAt,
        })),
      };
    });
  }

  async readDocument(
    user: AuthenticatedUser,
    requestId: string,
    documentId: string,
  ): Promise<{ content: Buffer; document: RequestDocument }> {
    const document = await this.transactions.run(async (manager) => {
      const request = await findVisibleRequest(manager, user, requestId);
      return manager.findOneBy(RequestDocument, { id: documentId, requestId: request.id, organisationId: user.organisationId });
    });
    const content = document ? await this.files.get(document.storageKey) : undefined;
    if (!document || !content) throw ApiException.notFound('Document');
    return { content, document };
  }

  // The staff a request is worked by, for the web app's dialogs: researchers to refer to, the committee.
  async staff(user: AuthenticatedUser): Promise<Array<{ id: string; name: string; role: UserRole }>> {
    return this.users.activeStaffWithRoles(user.organisationId, [UserRole.Officer, UserRole.Researcher, UserRole.Committee]);
  }

  // A staff member writes to the beneficiary from the request: its officer, its researcher or a supervisor.
  async message(user: AuthenticatedUser, requestId: string, text: string): Promise<{ sent: boolean; reason?: string }> {
    const request = await this.transactions.run((manager) => findVisibleRequest(manager, user, requestId));
    const allowed =
      user.role === UserRole.Supervisor ||
      (user.role === UserRole.Officer && (!request.officerId || request.officerId === user.id)) ||
      (user.role === UserRole.Researcher && request.researcherId === user.id);
    if (!allowed) throw ApiException.forbidden('Only the request’s officer or social-research officer writes to its beneficiary');
    const outcome = await this.notifier.sendStaffMessage(user.organisationId, request.id, user.id, text.trim());
    return outcome.sent ? { sent: true } : { sent: false, reason: outcome.reason };
  }

  // The requests of a contact (and of contacts merged into it) with this number: a beneficiary asking for the status.
  async findOwnByNumber(manager: EntityManager, organisationId: string, contactId: string, number: number): Promise<SupportRequest | null> {
    const merged = await this.contacts.mergedInto(manager, organisationId, contactId);
    return manager.findOneBy(SupportRequest, {
      organisationId,
      number,
      contactId: In([contactId, ...merged.map((contact) => contact.id)]),
    });
  }

  summary(request: SupportRequest, contact?: ContactSummary, type?: RequestType): SupportRequestSummary {
    return {
      id: request.id,
      number: request.number,
      state: request.state,
      source: request.source,
      typeId: request.requestTypeId,
      typeNameAr: type?.nameAr ?? '',
      typeNameEn: type?.nameEn ?? '',
      contact: {
        id: contact?.id ?? request.contactId,
        name: contact?.name ?? null,
        phone: contact?.phone ?? null,
        phoneVerified: contact?.phoneVerified ?? false,
      },
      officerId: request.officerId,
      researcherId: request.researcherId,
      answerDueOn: request.answerDueOn,
      deadlineAlertedAt: request.deadlineAlertedAt,
      createdAt: request.createdAt,
      updatedAt: request.updatedAt,
    };
  }

  private async people(
    manager: EntityManager,
    organisationId: string,
    ids: Array<string | null>,
  ): Promise<Array<{ id: string; name: string }>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    return this.users.namesOf(manager, organisationId, wanted);
  }
}
