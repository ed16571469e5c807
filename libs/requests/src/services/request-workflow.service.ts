import { ApiErrorCode, ApiException, FieldProblem, JsonObject } from '@app/common';
import { ContactMergeService } from '@app/conversations';
import { ContactsService } from '@app/contacts';
import { TransactionRunner } from '@app/database';
import { AuthenticatedUser, UserRole, UsersService } from '@app/identity';
import { detectAttachmentType } from '@app/channels';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { FieldKind, HouseholdRow } from '../definitions/request-form.types';
import {
  AttestInPersonDto,
  CommitteeVoteDto,
  DeliverServiceDto,
  RecordFindingsDto,
  ReferDto,
  ReturnReferralDto,
} from '../dto/support-request.dto';
import { CommitteeVote } from '../entities/committee-vote.entity';
import { RegisteredBeneficiary } from '../entities/registered-beneficiary.entity';
import { AttestationMethod, RequestAttestation } from '../entities/request-attestation.entity';
import { RequestDocument } from '../entities/request-document.entity';
import { RequestEventType } from '../entities/request-event.entity';
import { RequestSettings } from '../entities/request-settings.entity';
import { RequestTypeVersion } from '../entities/request-type.entity';
import { ServiceDelivery } from '../entities/service-delivery.entity';
import { CommitteeDecision, CommitteeOutcome, SupportRequest } from '../entities/support-request.entity';
import { RequestFileStore } from '../files/request-file-store';
import { NoticeTemplate, NoticeVariables } from '../notices/beneficiary-notice.templates';
import { BeneficiaryNotifier } from '../notices/beneficiary-notifier.service';
import { CodeSmsSender, maskedPhone } from '../notices/code-sms-sender.service';
import { formatNoticeDate } from '../notices/notice-date.util';
import { RequestAction, RequestState } from '../state/request-state.enum';
import {
  findTransition,
  REQUEST_TRANSITIONS,
  RequestActor,
  RequestTransition,
  TransitionGuard,
} from '../state/request-transitions.constant';
import { buildChecklist, Checklist, ChecklistItem } from '../validation/request-checklist.util';
import { applyValuesChange } from '../validation/request-values.util';
import { addDays, readIsoDate, riyadhDate } from '../validation/riyadh-date.util';
import { saudiMobileNumber } from '../validation/saudi-mobile.util';
import { westernDigits } from '../validation/western-digits.util';
import { findVisibleRequest } from './request-access.util';
import { attestedDataHash } from './attested-data.util';
import { OneTimeCodesService } from './one-time-codes.service';
import { CODES_PER_PHONE, CODES_PER_REQUEST, RequestRateLimiter, UPLOADS_PER_REQUEST } from './request-rate-limiter.service';
import { RequestLinksService } from './request-links.service';
import { RequestActorRef, RequestRecorder } from './request-recorder.service';
import { RequestSettingsService } from './request-settings.service';
import { halalasToRiyals, riyalsToHalalas } from './request-view';

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

interface PendingNotice {
  template: NoticeTemplate;
  variables?: NoticeVariables;
}

interface ActContext {
  manager: EntityManager;
  request: SupportRequest;
  settings: RequestSettings;
  actor: RequestActorRef;
  transition: RequestTransition;
  now: Date;
}

interface ActOutcome {
  patch?: Partial<SupportRequest>;
  details?: JsonObject;
  notices?: PendingNotice[];
  // Recorded as its own timeline entry (an attestation that no longer holds).
  extraEvents?: Array<{ type: RequestEventType; details: JsonObject }>;
}

// How the web app and the beneficiary's message word a checklist item's reason.
const REASON_AR: Record<string, string> = {
  required: 'مطلوب',
  not_a_number: 'ليس رقماً',
  not_a_date: 'ليس تاريخاً صحيحاً',
  date_must_be_past: 'يجب أن يكون تاريخاً ماضياً',
  date_must_be_future: 'يجب أن يكون تاريخاً قادماً',
  not_an_option: 'ليس من الخيارات',
  identity_format: 'يجب أن يكون 10 أرقام',
  identity_prefix: 'يبدأ بغير 1 أو 2',
  identity_checksum: 'رقم غير صحيح',
  mobile: 'ليس رقم جوال سعودياً',
  iban_format: 'ليس آيباناً سعودياً',
  iban_checksum: 'آيبان غير صحيح',
  expiry_date_missing: 'ينقصه تاريخ الانتهاء',
  expired: 'منتهي الصلاحية',
};

function describeProblem(item: ChecklistItem): string {
  const label = item.row === undefined ? item.labelAr : `${item.labelAr} (الفرد ${item.row + 1})`;
  return item.reason === 'required' ? label : `${label}: ${REASON_AR[item.reason ?? ''] ?? item.reason}`;
}

function checklistProblems(checklist: Checklist): FieldProblem[] {
  return checklist.problems.map((item) => ({ field: item.path, message: item.reason ?? item.status }));
}

function actorRole(actor: RequestActorRef, role?: UserRole): RequestActor {
  return actor.kind === 'staff' ? role! : actor.kind;
}

function formatRiyals(halalas: number | null): string {
  if (halalas === null) return '';
  return ` بمبلغ ${(halalas / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })} ريال`;
}

// Every action on a support request: one row of REQUEST_TRANSITIONS, checked for state, role and guards, applied in
// one transaction with its timeline event and audit row; the beneficiary is told afterwards.
@Injectable()
export class RequestWorkflowService {
  private readonly logger = new Logger(RequestWorkflowService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly settingsService: RequestSettingsService,
    private readonly recorder: RequestRecorder,
    private readonly notifier: BeneficiaryNotifier,
    private readonly codes: OneTimeCodesService,
    private readonly codeSender: CodeSmsSender,
    private readonly rateLimiter: RequestRateLimiter,
    private readonly links: RequestLinksService,
    private readonly files: RequestFileStore,
    private readonly contacts: ContactsService,
    private readonly merges: ContactMergeService,
    private readonly users: UsersService,
  ) {}

  // ----- Step 2: the data -----

  async updateValues(user: AuthenticatedUser, requestId: string, input: Record<string, unknown>): Promise<void> {
    await this.act({ kind: 'staff', user }, user, requestId, RequestAction.UpdateData, async (context) => {
      const form = await this.formOf(context.manager, context.request);
      const change = applyValuesChange(form, context.request.values, input);
      if (change.problems.length > 0) throw ApiException.validation(change.problems);
      const changed = Object.keys(input as object);
      return {
        patch: { values: change.values },
        details: { change: 'values', fields: changed },
        extraEvents: await this.invalidateIfChanged(context, { ...context.request, values: change.values }),
      };
    });
  }

  async addDocument(
    actor: RequestActorRef,
    user: AuthenticatedUser | undefined,
    requestId: string,
    organisationId: string,
    input: { documentKey: string; content: Buffer; fileName: string | undefined; expiresOn: string | null },
  ): Promise<RequestDocument> {
    const type = detectAttachmentType(input.content);
    if (!type) throw ApiException.validation([{ field: 'file', message: 'must be a PNG or JPEG image or a PDF file' }]);
    if (input.expiresOn !== null && !readIsoDate(input.expiresOn)) {
      throw ApiException.validation([{ field: 'expiresOn', message: 'must be a day as YYYY-MM-DD' }]);
    }
    if (!(await this.rateLimiter.allows(`upload:${requestId}`, UPLOADS_PER_REQUEST))) {
      throw new ApiException(ApiErrorCode.RateLimited, 'Too many uploads for this request; wait a while');
    }
    let created: RequestDocument | undefined;
    await this.act(
      actor,
      user,
      requestId,
      actor.kind === 'beneficiary' ? RequestAction.SubmitDocument : RequestAction.UpdateData,
      async (context) => {
        const form = await this.formOf(context.manager, context.request);
        const definition = form.documents.find((document) => document.key === input.documentKey);
        if (!definition) throw ApiException.validation([{ field: 'documentKey', message: 'is not a document of this request type' }]);
        const stored = await this.files.put(context.request.organisationId, context.request.id, type.extension, input.content);
        const document: RequestDocument = {
          id: randomUUID(),
          organisationId: context.request.organisationId,
          requestId: context.request.id,
          documentKey: definition.key,
          fileName: (input.fileName ?? '').trim().slice(0, 200) || `${definition.key}.${type.extension}`,
          contentType: type.contentType,
          size: stored.size,
          sha256: stored.sha256,
          storageKey: stored.storageKey,
          expiresOn: definition.hasExpiry ? input.expiresOn : null,
          uploadedById: context.actor.kind === 'staff' ? context.actor.user.id : null,
          uploadedAt: context.now,
          removedAt: null,
        };
        // A new copy of a document replaces the one before it.
        await context.manager.update(
          RequestDocument,
          {
            requestId: context.request.id,
            organisationId: context.request.organisationId,
            documentKey: definition.key,
            removedAt: IsNull(),
          },
          { removedAt: context.now },
        );
        await context.manager.insert(RequestDocument, document);
        created = document;
        return {
          details: { change: 'document_added', documentKey: definition.key, documentId: document.id },
          extraEvents: await this.invalidateIfChanged(context, context.request),
        };
      },
      organisationId,
    );
    return created!;
  }

  async updateDocument(user: AuthenticatedUser, requestId: string, documentId: string, expiresOn: string | null): Promise<void> {
    if (expiresOn !== null && !readIsoDate(expiresOn))
      throw ApiException.validation([{ field: 'expiresOn', message: 'must be a day as YYYY-MM-DD' }]);
    await this.act({ kind: 'staff', user }, user, requestId, RequestAction.UpdateData, async (context) => {
      const document = await context.manager.findOneBy(RequestDocument, {
        id: documentId,
        requestId,
        organisationId: user.organisationId,
        removedAt: IsNull(),
      });
      if (!document) throw ApiException.notFound('Document');
      await context.manager.update(RequestDocument, { id: document.id }, { expiresOn });
      return { details: { change: 'document_expiry', documentKey: document.documentKey, documentId, expiresOn } };
    });
  }

  async removeDocument(user: AuthenticatedUser, requestId: string, documentId: string): Promise<void> {
    await this.act({ kind: 'staff', user }, user, requestId, RequestAction.UpdateData, async (context) => {
      const document = await context.manager.findOneBy(RequestDocument, {
        id: documentId,
        requestId,
        organisationId: user.organisationId,
        removedAt: IsNull(),
      });
      if (!document) throw ApiException.notFound('Document');
      await context.manager.update(RequestDocument, { id: document.id }, { removedAt: context.now });
      return {
        details: { change: 'document_removed', documentKey: document.documentKey, documentId },
        extraEvents: await this.invalidateIfChanged(context, context.request),
      };
    });
  }

  // One click: the beneficiary is told, in Arabic and on their channel, exactly what is missing or wrong.
  async requestMissing(user: AuthenticatedUser, requestId: string): Promise<void> {
    await this.act({ kind: 'staff', user }, user, requestId, RequestAction.RequestMissing, async (context) => {
      const checklist = await this.checklistOf(context.manager, context.request, context.now);
      if (checklist.complete) {
        throw new ApiException(ApiErrorCode.Conflict, 'Nothing is missing or invalid', [{ field: 'checklist', message: 'is complete' }]);
      }
      const items = checklist.problems.map(describeProblem);
      return {
        details: { items: checklist.problems.map((item) => item.path) },
        notices: [{ template: NoticeTemplate.MissingData, variables: { items: items.join('، ') } }],
      };
    });
  }

  async claim(user: AuthenticatedUser, requestId: string): Promise<void> {
    await this.act({ kind: 'staff', user }, user, requestId, RequestAction.Claim, async (context) => {
      if (context.request.officerId && context.request.officerId !== user.id) {
        throw new ApiException(ApiErrorCode.Conflict, 'Another officer handles this request', [
          { field: 'officerId', message: 'is another officer' },
        ]);
      }
      return { patch: { officerId: user.id } };
    });
  }

  // ----- Step 3: the social-research officer -----

  async refer(user: AuthenticatedUser, requestId: string, input: ReferDto): Promise<void> {
    await this.act({ kind: 'staff', user }, user, requestId, RequestAction.Refer, async (context) => {
      if (!(await this.users.isActiveWithRole(context.manager, user.organisationId, input.researcherId, UserRole.Researcher))) {
        throw ApiException.validation([
          { field: 'researcherId', message: 'is not an active social-research officer of this organisation' },
        ]);
      }
      return {
        // Submitted now: documents are judged valid on this day from here on.
        patch: { researcherId: input.researcherId, submittedAt: context.now },
        details: { researcherId: input.researcherId, ...(input.note ? { note: input.note.trim() } : {}) },
      };
    });
  }

  async acceptReferral(user: AuthenticatedUser, requestId: string): Promise<void> {
    await this.act({ kind: 'staff', user }, user, requestId, RequestAction.AcceptReferral, async () => ({
      notices: [{ template: NoticeTemplate.UnderResearch }],
    }));
  }

  async returnReferral(user: AuthenticatedUser, requestId: string, input: ReturnReferralDto): Promise<void> {
    await this.act({ kind: 'staff', user }, user, requestId, RequestAction.ReturnReferral, async () => ({
      patch: { researcherId: null },
      details: { reason: input.reason.trim() },
    }));
  }

  async recordFindings(user: AuthenticatedUser, requestId: string, input: RecordFindingsDto): Promise<void> {
    await this.act({ kind: 'staff', user }, user, requestId, RequestAction.RecordFindings, async (context) => {
      const visit = readIsoDate(input.homeVisitDate);
      if (!visit || visit > riyadhDate(context.now)) {
        throw ApiException.validation([{ field: 'homeVisitDate', message: 'must be a day that has come (YYYY-MM-DD)' }]);
      }
      return {
        patch: {
          findings: {
            homeVisitDate: visit,
            findings: input.findings.trim(),
            recommendation: input.recommendation.trim(),
            recordedById: user.id,
            recordedAt: context.now.toISOString(),
          },
        },
        details: { homeVisitDate: visit },
      };
    });
  }

  // ----- Step 4: the applicant's attestation -----

  // A code by SMS to the beneficiary's number, bound to the data as it is now, with a signed link to the page that
  // shows that data; at a walk-in visit they read the code to the officer instead.
  async requestAttestation(user: AuthenticatedUser, requestId: string): Promise<{ sentTo: string }> {
    let sentTo = '';
    await this.act({ kind: 'staff', user }, user, requestId, RequestAction.RequestAttestation, async (context) => {
      const contact = await this.contacts.current(context.manager, context.request.organisationId, context.request.contactId);
      const phone = contact?.phone ? saudiMobileNumber(contact.phone) : undefined;
      if (!phone) {
        throw new ApiException(ApiErrorCode.Conflict, 'The beneficiary has no Saudi mobile number to send the code to', [
          { field: 'contact.phone', message: 'is not a Saudi mobile number' },
        ]);
      }
      if (
        !(await this.rateLimiter.allows(`attest:${requestId}`, CODES_PER_REQUEST)) ||
        !(await this.rateLimiter.allows(`code-phone:${phone}`, CODES_PER_PHONE))
      ) {
        throw new ApiException(ApiErrorCode.RateLimited, 'Too many codes sent; wait a few minutes');
      }
      const hash = await this.currentHash(context.manager, context.request);
      const code = await this.codes.issue('attest', context.request.id, phone, hash);
      const link = this.links.url(context.request.organisationId, context.request.id, 'attest');
      const text = `رمز الإقرار بصحة بيانات طلبك رقم ${context.request.number}: ${code}\nراجع بياناتك وأقرّ بها: ${link}`;
      try {
        await this.codeSender.send(context.request.organisationId, context.settings.smsInboxId, phone, text);
      } catch (error) {
        await this.codes.forget('attest', context.request.id);
        throw error;
      }
      sentTo = maskedPhone(phone);
      return { details: { channel: 'sms', sentTo } };
    });
    return { sentTo };
  }

  async attestInPerson(user: AuthenticatedUser, requestId: string, input: AttestInPersonDto): Promise<void> {
    await this.attest(
      { kind: 'staff', user },
      user,
      requestId,
      user.organisationId,
      westernDigits(input.code),
      AttestationMethod.CodeReadToOfficer,
    );
  }

  async attestOnSignedPage(organisationId: string, requestId: string, code: string): Promise<void> {
    await this.attest(
      { kind: 'beneficiary' },
      undefined,
      requestId,
      organisationId,
      westernDigits(code),
      AttestationMethod.CodeOnSignedPage,
    );
  }

  private async attest(
    actor: RequestActorRef,
    user: AuthenticatedUser | undefined,
    requestId: string,
    organisationId: string,
    code: string,
    method: AttestationMethod,
  ): Promise<void> {
    if (!/^\d{6}$/.test(code)) throw ApiException.validation([{ field: 'code', message: 'must be the 6 digits sent by SMS' }]);
    await this.act(
      actor,
      user,
      requestId,
      RequestAction.Attest,
      async (context) => {
        const checked = await this.codes.check('attest', context.request.id, code);
        if (!checked.ok) {
          throw ApiException.validation([
            { field: 'code', message: checked.reason === 'wrong' ? 'is not the code sent' : 'has expired or was used; ask for a new one' },
          ]);
        }
        const hash = await this.currentHash(context.manager, context.request);
        if (checked.bound !== hash) {
          throw new ApiException(ApiErrorCode.Conflict, 'The data changed after the code was sent; send a new code', [
            { field: 'code', message: 'was sent for data that has since changed' },
          ]);
        }
        await context.manager.update(
          RequestAttestation,
          { requestId: context.request.id, organisationId: context.request.organisationId, invalidatedAt: IsNull() },
          { invalidatedAt: context.now, invalidatedReason: 'superseded' },
        );
        const attestation: RequestAttestation = {
          id: randomUUID(),
          organisationId: context.request.organisationId,
          requestId: context.request.id,
          dataHash: hash,
          channel: 'sms',
          sentTo: maskedPhone(checked.phone),
          method,
          enteredById: context.actor.kind === 'staff' ? context.actor.user.id : null,
          attestedAt: context.now,
          invalidatedAt: null,
          invalidatedReason: null,
        };
        await context.manager.insert(RequestAttestation, attestation);
        // Whoever entered the code holds the number: a number that was only a claim is proven now.
        const contactId = await this.provePhone(context.manager, context.request, checked.phone);
        return {
          patch: contactId !== context.request.contactId ? { contactId } : {},
          details: { attestationId: attestation.id, method, channel: 'sms', dataHash: hash },
        };
      },
      organisationId,
    );
  }

  // ----- Step 5: the research committee -----

  async sendToCommittee(user: AuthenticatedUser, requestId: string): Promise<{ answerDueOn: string }> {
    let answerDueOn = '';
    await this.act({ kind: 'staff', user }, user, requestId, RequestAction.SendToCommittee, async (context) => {
      answerDueOn = this.answerDay(context.settings, context.request.submittedAt ?? context.now, context.now);
      return {
        patch: {
          committeeSubmittedAt: context.now,
          committeeRound: context.request.committeeRound + 1,
          answerDueOn,
          deadlineAlertedAt: null,
          decision: null,
        },
        details: { round: context.request.committeeRound + 1, answerDueOn },
        notices: [{ template: NoticeTemplate.AtCommittee, variables: { answerDate: formatNoticeDate(answerDueOn) } }],
      };
    });
    return { answerDueOn };
  }

  // The day the beneficiary is told they will be answered by: the organisation's period from today, and never less
  // than 14 days after the submission (the settings refuse fewer; this holds even for a request submitted long ago).
  answerDay(settings: RequestSettings, submittedAt: Date, now: Date): string {
    const fromToday = addDays(riyadhDate(now), Math.max(settings.answerDays, 14));
    const fromSubmission = addDays(riyadhDate(submittedAt), 14);
    return fromToday > fromSubmission ? fromToday : fromSubmission;
  }

  async vote(user: AuthenticatedUser, requestId: string, input: CommitteeVoteDto): Promise<{ decided: boolean }> {
    const decision = this.decisionInput(input);
    let round = 0;
    await this.act({ kind: 'staff', user }, user, requestId, RequestAction.Vote, async (context) => {
      round = context.request.committeeRound;
      const voted = await context.manager.existsBy(CommitteeVote, {
        requestId,
        round,
        memberId: user.id,
        organisationId: user.organisationId,
      });
      if (voted)
        throw new ApiException(ApiErrorCode.Conflict, 'You have voted on this request in this round', [
          { field: 'outcome', message: 'already voted' },
        ]);
      await context.manager.insert(CommitteeVote, {
        id: randomUUID(),
        organisationId: user.organisationId,
        requestId,
        round,
        memberId: user.id,
        outcome: decision.outcome,
        service: decision.service,
        amountHalalas: decision.amountHalalas,
        reason: decision.reason,
        createdAt: context.now,
      });
      return { details: { round, outcome: decision.outcome } };
    });
    // A quorum that agrees decides; Wasl records it (a separate action, so two last votes at once decide once).
    const tally = await this.transactions.run(async (manager) => {
      const settings = await this.settingsService.load(manager, user.organisationId);
      const votes = await manager.findBy(CommitteeVote, { requestId, round, organisationId: user.organisationId });
      return quorumDecision(votes, settings.quorum);
    });
    if (!tally) return { decided: false };
    try {
      await this.decide({ kind: 'system' }, undefined, requestId, user.organisationId, { ...tally, byQuorum: true });
      return { decided: true };
    } catch (error) {
      // Decided a moment ago by the other last vote, or by the chair.
      if (error instanceof ApiException && error.getStatus() === 409) return { decided: false };
      throw error;
    }
  }

  async decideAsChair(user: AuthenticatedUser, requestId: string, input: CommitteeVoteDto): Promise<void> {
    const decision = this.decisionInput(input);
    await this.decide({ kind: 'staff', user }, user, requestId, user.organisationId, { ...decision, byQuorum: false });
  }

  private async decide(
    actor: RequestActorRef,
    user: AuthenticatedUser | undefined,
    requestId: string,
    organisationId: string,
    decision: { outcome: CommitteeOutcome; service: string | null; amountHalalas: number | null; reason: string | null; byQuorum: boolean },
  ): Promise<void> {
    const action =
      decision.outcome === CommitteeOutcome.Approved
        ? RequestAction.Approve
        : decision.outcome === CommitteeOutcome.Rejected
          ? RequestAction.Reject
          : RequestAction.RequestInformation;
    await this.act(
      actor,
      user,
      requestId,
      action,
      async (context) => {
        const recorded: CommitteeDecision = {
          outcome: decision.outcome,
          service: decision.service,
          amount: halalasToRiyals(decision.amountHalalas),
          reason: decision.reason,
          round: context.request.committeeRound,
          decidedById: context.actor.kind === 'staff' ? context.actor.user.id : null,
          byQuorum: decision.byQuorum,
          decidedAt: context.now.toISOString(),
        };
        const notice: PendingNotice =
          decision.outcome === CommitteeOutcome.Approved
            ? {
                template: NoticeTemplate.Approved,
                variables: { service: decision.service ?? '', amount: formatRiyals(decision.amountHalalas) },
              }
            : decision.outcome === CommitteeOutcome.Rejected
              ? { template: NoticeTemplate.Rejected, variables: { reason: decision.reason ?? '' } }
              : { template: NoticeTemplate.MoreInformation, variables: { reason: decision.reason ?? '' } };
        return {
          patch: { decision: recorded, ...(decision.outcome === CommitteeOutcome.Rejected ? { closedAt: context.now } : {}) },
          details: { round: recorded.round, outcome: recorded.outcome, byQuorum: recorded.byQuorum },
          notices: [notice],
        };
      },
      organisationId,
    );
  }

  private decisionInput(input: CommitteeVoteDto): {
    outcome: CommitteeOutcome;
    service: string | null;
    amountHalalas: number | null;
    reason: string | null;
  } {
    const service = input.service?.trim() || null;
    const reason = input.reason?.trim() || null;
    if (input.outcome === CommitteeOutcome.Approved && !service) {
      throw ApiException.validation([{ field: 'service', message: 'names the service approved' }]);
    }
    if (input.outcome !== CommitteeOutcome.Approved && !reason) {
      throw ApiException.validation([{ field: 'reason', message: 'is required to reject or to ask for more information' }]);
    }
    return {
      outcome: input.outcome,
      service: input.outcome === CommitteeOutcome.Approved ? service : null,
      amountHalalas: input.outcome === CommitteeOutcome.Approved ? riyalsToHalalas(input.amount) : null,
      reason: input.outcome === CommitteeOutcome.Approved ? null : reason,
    };
  }

  // ----- Steps 6 and 7: registration and the service -----

  async register(user: AuthenticatedUser, requestId: string): Promise<{ fileNumber: number }> {
    let fileNumber = 0;
    await this.act({ kind: 'staff', user }, user, requestId, RequestAction.Register, async (context) => {
      const form = await this.formOf(context.manager, context.request);
      const householdField = form.fields.find((field) => field.kind === FieldKind.Household);
      const household = householdField ? ((context.request.values[householdField.key] as HouseholdRow[] | undefined) ?? []) : [];
      const contact = await this.contacts.current(context.manager, context.request.organisationId, context.request.contactId);
      const contactId = contact?.id ?? context.request.contactId;
      const existing = await context.manager.findOneBy(RegisteredBeneficiary, { organisationId: user.organisationId, contactId });
      let beneficiary: RegisteredBeneficiary;
      if (existing) {
        beneficiary = Object.assign(existing, { household, updatedAt: context.now });
        await context.manager.update(RegisteredBeneficiary, { id: existing.id }, { household, updatedAt: context.now });
      } else {
        beneficiary = {
          id: randomUUID(),
          organisationId: user.organisationId,
          contactId,
          fileNumber: await this.settingsService.next(context.manager, user.organisationId, 'fileCounter'),
          household,
          registeredById: user.id,
          firstRequestId: context.request.id,
          registeredAt: context.now,
          updatedAt: context.now,
        };
        await context.manager.insert(RegisteredBeneficiary, beneficiary);
      }
      fileNumber = beneficiary.fileNumber;
      return {
        patch: { beneficiaryId: beneficiary.id, contactId },
        details: { fileNumber, householdMembers: household.length, existingFile: existing !== null },
        notices: [{ template: NoticeTemplate.Registered, variables: { fileNumber: String(fileNumber) } }],
      };
    });
    return { fileNumber };
  }

  async deliverService(user: AuthenticatedUser, requestId: string, input: DeliverServiceDto): Promise<void> {
    await this.act({ kind: 'staff', user }, user, requestId, RequestAction.DeliverService, async (context) => {
      const deliveredOn = readIsoDate(input.deliveredOn);
      if (!deliveredOn || deliveredOn > riyadhDate(context.now)) {
        throw ApiException.validation([{ field: 'deliveredOn', message: 'must be a day that has come (YYYY-MM-DD)' }]);
      }
      const amountHalalas = riyalsToHalalas(input.amount);
      const delivery: ServiceDelivery = {
        id: randomUUID(),
        organisationId: user.organisationId,
        requestId,
        beneficiaryId: context.request.beneficiaryId!,
        description: input.description.trim(),
        deliveredOn,
        amountHalalas,
        quantity: input.quantity ?? null,
        deliveredById: user.id,
        createdAt: context.now,
      };
      await context.manager.insert(ServiceDelivery, delivery);
      const quantity = delivery.quantity && delivery.quantity > 1 ? ` (${delivery.quantity})` : '';
      return {
        details: { deliveryId: delivery.id, deliveredOn },
        notices: [
          {
            template: NoticeTemplate.ServiceDelivered,
            variables: {
              service: `${delivery.description}${quantity}`,
              amount: formatRiyals(amountHalalas),
              date: formatNoticeDate(deliveredOn),
            },
          },
        ],
      };
    });
  }

  async close(user: AuthenticatedUser, requestId: string): Promise<void> {
    await this.act({ kind: 'staff', user }, user, requestId, RequestAction.Close, async (context) => ({
      patch: { closedAt: context.now },
    }));
  }

  // ----- The machinery -----

  // Loads the request (locked), finds the transition for its state and the actor, checks the guards, runs `work`,
  // applies its patch and the transition's state, writes the event and the audit row, and after the commit publishes
  // the change and sends the beneficiary's notices (a notice that fails never undoes the step).
  private async act(
    actor: RequestActorRef,
    user: AuthenticatedUser | undefined,
    requestId: string,
    action: RequestAction,
    work: (context: ActContext) => Promise<ActOutcome>,
    organisationId = user?.organisationId,
  ): Promise<SupportRequest> {
    const now = new Date();
    // A role that may never take this action is refused as such, before anything is read about the request.
    const role = actorRole(actor, user?.role);
    if (!REQUEST_TRANSITIONS.some((row) => row.action === action && row.actors.includes(role))) {
      throw ApiException.forbidden(`Your role may not ${action.replaceAll('_', ' ')} a request`);
    }
    const { request, notices } = await this.transactions.run(async (manager) => {
      const request = user
        ? await findVisibleRequest(manager, user, requestId, { lock: true })
        : await manager.findOne(SupportRequest, {
            where: { id: requestId, organisationId },
            lock: manager.connection.options.type === 'postgres' ? { mode: 'pessimistic_write' } : undefined,
          });
      if (!request) throw ApiException.notFound('Support request');
      const lookup = findTransition(request.state, action, actorRole(actor, user?.role));
      if (!lookup.allowed) {
        if (lookup.reason === 'actor') throw ApiException.forbidden(`Your role may not ${action.replaceAll('_', ' ')} a request`);
        throw new ApiException(
          ApiErrorCode.Conflict,
          `A request that is ${request.state} cannot be given "${action}"; it needs to be ${[...new Set(lookup.allowedFrom)].join(' or ')}`,
          [{ field: 'state', message: `is ${request.state}` }],
        );
      }
      const settings = await this.settingsService.load(manager, request.organisationId);
      const context: ActContext = { manager, request, settings, actor, transition: lookup.transition, now };
      const guardPatch = await this.checkGuards(context, user);
      const outcome = await work(context);
      const from = request.state;
      const patch: Partial<SupportRequest> = {
        ...guardPatch,
        ...outcome.patch,
        ...(lookup.transition.to ? { state: lookup.transition.to } : {}),
        updatedAt: now,
      };
      await manager.update(SupportRequest, { id: request.id }, patch);
      Object.assign(request, patch);
      await this.recorder.record(
        manager,
        request,
        actor,
        { type: RequestEventType.Transition, action, from, to: request.state, details: outcome.details },
        now,
      );
      for (const extra of outcome.extraEvents ?? []) await this.recorder.record(manager, request, actor, extra, now);
      await this.recorder.publish(manager, request);
      return { request, notices: outcome.notices ?? [] };
    });
    for (const notice of notices) {
      await this.notifier.notify(request.organisationId, request.id, notice.template, notice.variables).catch((error: Error) => {
        this.logger.error(`Notice ${notice.template} of request ${request.id} failed: ${error.message}`);
      });
    }
    return request;
  }

  private async checkGuards(context: ActContext, user: AuthenticatedUser | undefined): Promise<Partial<SupportRequest>> {
    const patch: Partial<SupportRequest> = {};
    const { request, manager } = context;
    for (const guard of context.transition.guards) {
      switch (guard) {
        case TransitionGuard.Handler:
          if (user?.role === UserRole.Officer) {
            if (request.officerId && request.officerId !== user.id) throw ApiException.forbidden('Another officer handles this request');
            // The first officer to work a request from the intake queue handles it.
            if (!request.officerId) patch.officerId = user.id;
          }
          break;
        case TransitionGuard.AssignedResearcher:
          if (!user || request.researcherId !== user.id)
            throw ApiException.forbidden('The request is referred to another social-research officer');
          break;
        case TransitionGuard.ChecklistComplete: {
          const checklist = await this.checklistOf(manager, request, context.now);
          if (!checklist.complete) {
            throw new ApiException(
              ApiErrorCode.Conflict,
              'The request is missing data or holds invalid data',
              checklistProblems(checklist),
            );
          }
          break;
        }
        case TransitionGuard.Attested: {
          const checklist = await this.checklistOf(manager, request, context.now);
          if (!checklist.complete) {
            throw new ApiException(
              ApiErrorCode.Conflict,
              'The request is missing data or holds invalid data',
              checklistProblems(checklist),
            );
          }
          const hash = await this.currentHash(manager, request);
          const attestation = await manager.findOne(RequestAttestation, {
            where: { requestId: request.id, organisationId: request.organisationId },
            order: { attestedAt: 'DESC' },
          });
          if (!attestation || attestation.invalidatedAt !== null || attestation.dataHash !== hash) {
            throw new ApiException(ApiErrorCode.Conflict, 'The beneficiary has not attested the data as it is now', [
              { field: 'attestation', message: attestation ? 'no longer matches the data' : 'is missing' },
            ]);
          }
          break;
        }
        case TransitionGuard.CommitteeMember:
          if (!user || user.role !== UserRole.Committee) throw ApiException.forbidden();
          break;
        case TransitionGuard.ChairOrQuorum:
          // Wasl decides only on a quorum (vote()); a person only as the chair.
          if (context.actor.kind === 'staff' && context.settings.chairUserId !== context.actor.user.id) {
            throw ApiException.forbidden('Only the committee’s chair records a decision alone; members vote');
          }
          break;
        case TransitionGuard.ServiceDelivered:
          if (!(await manager.existsBy(ServiceDelivery, { requestId: request.id, organisationId: request.organisationId }))) {
            throw new ApiException(ApiErrorCode.Conflict, 'No service has been delivered under this request', [
              { field: 'services', message: 'must hold at least one delivery' },
            ]);
          }
          break;
      }
    }
    return patch;
  }

  async formOf(manager: EntityManager, request: SupportRequest) {
    return (await manager.findOneByOrFail(RequestTypeVersion, { id: request.typeVersionId, organisationId: request.organisationId })).form;
  }

  async activeDocuments(manager: EntityManager, request: SupportRequest): Promise<RequestDocument[]> {
    return manager.find(RequestDocument, {
      where: { requestId: request.id, organisationId: request.organisationId, removedAt: IsNull() },
      order: { uploadedAt: 'ASC' },
    });
  }

  // Judged today while the data is being gathered; from submission on, on the day it was submitted.
  async checklistOf(manager: EntityManager, request: SupportRequest, now = new Date()): Promise<Checklist> {
    const form = await this.formOf(manager, request);
    const documents = await this.activeDocuments(manager, request);
    const judgedAt = request.state === RequestState.Draft || !request.submittedAt ? now : request.submittedAt;
    return buildChecklist(
      form,
      request.values,
      documents.map((document) => ({ key: document.documentKey, id: document.id, expiresOn: document.expiresOn })),
      riyadhDate(judgedAt),
    );
  }

  async currentHash(manager: EntityManager, request: SupportRequest): Promise<string> {
    return attestedDataHash(request, await this.activeDocuments(manager, request));
  }

  // Data changed after the beneficiary attested it: the attestation no longer holds, and the request says so.
  private async invalidateIfChanged(
    context: ActContext,
    changed: SupportRequest,
  ): Promise<Array<{ type: RequestEventType; details: JsonObject }>> {
    const { manager, request } = context;
    const attestation = await manager.findOne(RequestAttestation, {
      where: { requestId: request.id, organisationId: request.organisationId, invalidatedAt: IsNull() },
      order: { attestedAt: 'DESC' },
    });
    if (!attestation) return [];
    // The caller's change is not written yet for values; documents are, inside this transaction.
    if (attestation.dataHash === (await this.currentHash(manager, changed))) return [];
    await manager.update(RequestAttestation, { id: attestation.id }, { invalidatedAt: context.now, invalidatedReason: 'data_changed' });
    return [{ type: RequestEventType.AttestationInvalidated, details: { attestationId: attestation.id, reason: 'data_changed' } }];
  }

  // The holder of the number entered a code sent to it: if the number was only a claim on this contact, it becomes
  // the contact's identity; if it already identifies another contact, that is the person, and this one joins it.
  async provePhone(manager: EntityManager, request: SupportRequest, phone: string): Promise<string> {
    const contact = await this.contacts.current(manager, request.organisationId, request.contactId);
    if (!contact) return request.contactId;
    if (contact.phoneVerified && contact.phone === phone) return contact.id;
    const outcome = await this.contacts.verifyPhone(manager, request.organisationId, contact.id, phone);
    if (outcome.kind === 'belongs-to')
      await this.merges.mergeVerifiedPerson(manager, request.organisationId, outcome.contactId, contact.id);
    await this.recorder.record(
      manager,
      request,
      { kind: 'beneficiary' },
      { type: RequestEventType.PhoneVerified, details: { joined: outcome.kind === 'belongs-to' } },
    );
    return outcome.contactId;
  }
}

// A quorum decides when it is reached and one outcome has more than half of the round's votes. Approvals must name
// the same service; the amount is the smallest approved (every approving member agreed to at least that much).
export function quorumDecision(
  votes: Array<Pick<CommitteeVote, 'outcome' | 'service' | 'amountHalalas' | 'reason'>>,
  quorum: number,
): { outcome: CommitteeOutcome; service: string | null; amountHalalas: number | null; reason: string | null } | undefined {
  if (votes.length < quorum) return undefined;
  for (const outcome of Object.values(CommitteeOutcome)) {
    const agreeing = votes.filter((vote) => vote.outcome === outcome);
    if (agreeing.length * 2 <= votes.length) continue;
    if (outcome !== CommitteeOutcome.Approved) {
      return {
        outcome,
        service: null,
        amountHalalas: null,
        reason:
          agreeing
            .map((vote) => vote.reason)
            .filter(Boolean)
            .join(' — ') || null,
      };
    }
    const services = new Set(agreeing.map((vote) => (vote.service ?? '').trim()));
    if (services.size !== 1) return undefined;
    const amounts = agreeing.map((vote) => vote.amountHalalas).filter((amount): amount is number => amount !== null);
    return { outcome, service: [...services][0] || null, amountHalalas: amounts.length > 0 ? Math.min(...amounts) : null, reason: null };
  }
  return undefined;
}
