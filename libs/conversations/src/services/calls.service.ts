import { CallEvent, CallRecording, CallTranscription, DialOutcome } from '@app/channels';
import { ContactsService } from '@app/contacts';
import { WaslConfig } from '@app/config';
import { TransactionRunner } from '@app/database';
import { AuthenticatedUser } from '@app/identity';
import type { Inbox } from '@app/inboxes/entities';
import { JobName, JobQueue, JobStatus } from '@app/queue';
import { RealtimePublisher } from '@app/realtime';
import { RealtimeEvent } from '@app/wire';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import { LogCallDto } from '../dto/log-call.dto';
import { Call, CallDirection, CallOutcome } from '../entities/call.entity';
import { ConversationEvent, ConversationEventType } from '../entities/conversation-event.entity';
import { Conversation } from '../entities/conversation.entity';
import { Message } from '../entities/message.entity';
import { findVisibleConversation } from './conversation-access.util';
import { toConversationView } from './conversation-view';
import { InboundIntakeService } from './inbound-intake.service';

// The label officers filter on to find beneficiaries waiting for a call-back.
export const MISSED_CALL_LABEL = 'مكالمة فائتة';

const FINAL_CALL_STATUSES = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

export class CallNotYetLinkedError extends Error {}

export interface CallView {
  id: string;
  conversationId: string | null;
  direction: CallDirection;
  callSid: string | null;
  from: string;
  to: string;
  status: string;
  missed: boolean;
  durationSeconds: number | null;
  recordingUrl: string | null;
  transcription: string | null;
  loggedByUserId: string | null;
  notes: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

export function toCallView(call: Call): CallView {
  return {
    id: call.id,
    conversationId: call.conversationId,
    direction: call.direction,
    callSid: call.callSid,
    from: call.fromNumber,
    to: call.toNumber,
    status: call.status,
    missed: call.missed,
    durationSeconds: call.durationSeconds,
    recordingUrl: call.recordingUrl,
    transcription: call.transcription,
    loggedByUserId: call.loggedByUserId,
    notes: call.notes,
    startedAt: call.startedAt,
    endedAt: call.endedAt,
  };
}

// Phone calls, on any voice channel. Each provider callback updates the call row keyed by the provider's call id
// (calls.call_sid); what must reach the conversation (the call itself, a voicemail, its transcription) goes through inbound intake, so contact
// matching, conversation opening and exactly-once are the same as for every other channel.
@Injectable()
export class CallsService {
  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    private readonly jobs: JobQueue,
    private readonly intake: InboundIntakeService,
    private readonly transactions: TransactionRunner,
    private readonly realtime: RealtimePublisher,
    private readonly config: WaslConfig,
    private readonly contacts: ContactsService,
  ) {}

  async recordIncomingCall(inbox: Inbox, event: CallEvent): Promise<Call> {
    const now = new Date();
    await this.transactions.run((manager) =>
      manager
        .createQueryBuilder()
        .insert()
        .into(Call)
        .values({
          id: randomUUID(),
          organisationId: inbox.organisationId,
          inboxId: inbox.id,
          conversationId: null,
          contactId: null,
          direction: CallDirection.Inbound,
          callSid: event.providerCallId,
          fromNumber: event.from,
          toNumber: event.to,
          status: event.status ?? 'ringing',
          missed: false,
          durationSeconds: null,
          messageId: null,
          voicemailMessageId: null,
          recordingSid: null,
          recordingUrl: null,
          transcription: null,
          loggedByUserId: null,
          notes: null,
          startedAt: now,
          endedAt: null,
          createdAt: now,
          updatedAt: now,
        })
        .orIgnore()
        .execute(),
    );
    const call = await this.calls.findOneByOrFail({ inboxId: inbox.id, callSid: event.providerCallId });
    // Twilio retries the voice URL on a connection failure: the same CallSid gives the same message.
    const intake = await this.intake.accept(inbox, {
      providerMessageId: event.providerCallId,
      sender: { phone: event.from, externalId: event.from },
      text: `مكالمة هاتفية واردة من ${event.from}`,
      attachments: [],
    });
    if (call.messageId !== intake.messageId) {
      await this.calls.update({ id: call.id }, { messageId: intake.messageId, updatedAt: new Date() });
      call.messageId = intake.messageId;
    }
    await this.queueLink(call, 'call');
    return call;
  }

  // The <Dial action> request: an officer answered, or the call was missed.
  async recordDialOutcome(inbox: Inbox, providerCallId: string, outcome: DialOutcome): Promise<Call | null> {
    const call = await this.calls.findOneBy({ inboxId: inbox.id, callSid: providerCallId });
    if (!call) return null;
    const now = new Date();
    const patch: Partial<Call> = {
      status: outcome.dialStatus.slice(0, 20),
      missed: !outcome.answered,
      durationSeconds: outcome.durationSeconds ?? call.durationSeconds,
      updatedAt: now,
      ...(outcome.answered ? { endedAt: now } : {}),
    };
    await this.calls.update({ id: call.id }, patch);
    Object.assign(call, patch);
    if (call.missed) await this.queueLink(call, 'missed');
    return call;
  }

  // The <Record action> request: the caller left a voicemail, which becomes an inbound message.
  async recordVoicemail(inbox: Inbox, providerCallId: string, recording: CallRecording): Promise<void> {
    const call = await this.calls.findOneBy({ inboxId: inbox.id, callSid: providerCallId });
    if (!call) return;
    const duration = recording.durationSeconds === undefined ? '' : ` (${recording.durationSeconds} ث)`;
    const intake = await this.intake.accept(inbox, {
      providerMessageId: recording.recordingId,
      sender: { phone: call.fromNumber, externalId: call.fromNumber },
      text: `رسالة صوتية${duration} من مكالمة فائتة، يرجى معاودة الاتصال`,
      attachments: [{ url: recording.recordingUrl, contentType: 'audio/x-wav', fileName: `${recording.recordingId}.wav` }],
    });
    await this.calls.update(
      { id: call.id },
      {
        missed: true,
        recordingSid: recording.recordingId,
        recordingUrl: recording.recordingUrl.slice(0, 500),
        voicemailMessageId: intake.messageId,
        updatedAt: new Date(),
      },
    );
    call.missed = true;
    await this.queueLink(call, 'missed');
  }

  async recordTranscription(inbox: Inbox, transcription: CallTranscription): Promise<void> {
    if (!transcription.completed || !transcription.text.trim()) return;
    const call = transcription.recordingId
      ? await this.calls.findOneBy({ inboxId: inbox.id, recordingSid: transcription.recordingId })
      : null;
    if (!call) return;
    await this.calls.update({ id: call.id }, { transcription: transcription.text, updatedAt: new Date() });
    await this.intake.accept(inbox, {
      providerMessageId: transcription.transcriptionId,
      sender: { phone: call.fromNumber, externalId: call.fromNumber },
      text: `نص الرسالة الصوتية: ${transcription.text}`,
      attachments: [],
    });
  }

  // The call's own status callback: final status and duration.
  async recordCallStatus(inbox: Inbox, event: CallEvent): Promise<void> {
    const call = await this.calls.findOneBy({ inboxId: inbox.id, callSid: event.providerCallId });
    if (!call || !event.status) return;
    const final = FINAL_CALL_STATUSES.has(event.status);
    await this.calls.update(
      { id: call.id },
      {
        // The dial outcome already says whether an officer answered; the parent leg's "completed" must not hide a miss.
        ...(call.missed ? {} : { status: event.status.slice(0, 20) }),
        durationSeconds: event.durationSeconds ?? call.durationSeconds,
        ...(final && !call.endedAt ? { endedAt: new Date() } : {}),
        updatedAt: new Date(),
      },
    );
  }

  // Worker: put the call on the conversation its timeline message landed in; label a missed call for call-back.
  async linkCall(organisationId: string, callId: string): Promise<JobStatus> {
    const call = await this.calls.findOneBy({ id: callId, organisationId });
    if (!call || !call.messageId) return JobStatus.Skipped;
    const message = await this.messages.findOneBy({ id: call.messageId, organisationId });
    if (!message) throw new CallNotYetLinkedError(`Call ${call.id}: its message is not applied yet`);
    if (call.conversationId !== message.conversationId) {
      await this.calls.update(
        { id: call.id },
        { conversationId: message.conversationId, contactId: message.contactId, updatedAt: new Date() },
      );
    }
    if (!call.missed) return JobStatus.Applied;
    const labelled = await this.transactions.run((manager) =>
      this.changeLabel(manager, organisationId, message.conversationId, null, (labels) =>
        labels.includes(MISSED_CALL_LABEL) ? labels : [...labels, MISSED_CALL_LABEL],
      ),
    );
    if (labelled) this.realtime.toConversationAudience(labelled, RealtimeEvent.ConversationUpdated, toConversationView(labelled));
    return JobStatus.Applied;
  }

  // An officer's call on any conversation. An answered call-back clears the missed-call label.
  async logOutboundCall(user: AuthenticatedUser, conversationId: string, input: LogCallDto): Promise<CallView> {
    const now = new Date();
    const { call, conversation } = await this.transactions.run(async (manager) => {
      const conversation = await findVisibleConversation(manager, user, conversationId);
      const contact = await this.contacts.findWithin(manager, user.organisationId, conversation.contactId);
      const call = manager.create(Call, {
        id: randomUUID(),
        organisationId: user.organisationId,
        inboxId: conversation.inboxId,
        conversationId,
        contactId: conversation.contactId,
        direction: CallDirection.Outbound,
        callSid: null,
        fromNumber: '',
        toNumber: contact?.phone ?? '',
        status: input.outcome,
        missed: false,
        durationSeconds: input.durationSeconds ?? null,
        messageId: null,
        voicemailMessageId: null,
        recordingSid: null,
        recordingUrl: null,
        transcription: null,
        loggedByUserId: user.id,
        notes: input.notes ?? null,
        startedAt: input.startedAt ? new Date(input.startedAt) : now,
        endedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(Call, call);
      const relabelled =
        input.outcome === CallOutcome.Answered
          ? await this.changeLabel(manager, user.organisationId, conversationId, user.id, (labels) =>
              labels.filter((label) => label !== MISSED_CALL_LABEL),
            )
          : undefined;
      // An answered call-back answers the beneficiary as much as a written reply does.
      const responded =
        input.outcome === CallOutcome.Answered
          ? await this.recordFirstResponse(manager, user.organisationId, conversation, call.id, user.id, now)
          : undefined;
      return { call, conversation: responded ?? relabelled };
    });
    if (conversation)
      this.realtime.toConversationAudience(conversation, RealtimeEvent.ConversationUpdated, toConversationView(conversation));
    return toCallView(call);
  }

  async listForConversation(user: AuthenticatedUser, conversationId: string): Promise<{ items: CallView[] }> {
    await findVisibleConversation(this.calls.manager, user, conversationId);
    const calls = await this.calls.find({
      where: { conversationId, organisationId: user.organisationId },
      order: { startedAt: 'ASC' },
      take: 500,
    });
    return { items: calls.map(toCallView) };
  }

  private async queueLink(call: Call, step: 'call' | 'missed'): Promise<void> {
    await this.jobs.enqueue(JobName.LinkCall, { organisationId: call.organisationId, callId: call.id, step });
  }

  // Sets first_response_at only if no reply or call has set it yet (one conditional UPDATE, so concurrent answers
  // record one first response); undefined when it was already set.
  private async recordFirstResponse(
    manager: EntityManager,
    organisationId: string,
    conversation: Conversation,
    callId: string,
    actorUserId: string,
    now: Date,
  ): Promise<Conversation | undefined> {
    const result = await manager
      .createQueryBuilder()
      .update(Conversation)
      .set({ firstResponseAt: now, updatedAt: now })
      .where('id = :id AND organisation_id = :organisationId AND first_response_at IS NULL', { id: conversation.id, organisationId })
      .execute();
    if (!result.affected) return undefined;
    await manager.insert(ConversationEvent, {
      id: randomUUID(),
      organisationId,
      conversationId: conversation.id,
      type: ConversationEventType.FirstResponse,
      actorUserId,
      details: { callId, waitedSince: conversation.createdAt.toISOString() },
      createdAt: now,
    });
    return (await manager.findOneBy(Conversation, { id: conversation.id, organisationId })) ?? undefined;
  }

  // Changes the labels under a row lock and records the change; undefined when nothing changed.
  private async changeLabel(
    manager: EntityManager,
    organisationId: string,
    conversationId: string,
    actorUserId: string | null,
    change: (labels: string[]) => string[],
  ): Promise<Conversation | undefined> {
    const conversation = await manager.findOne(Conversation, {
      where: { id: conversationId, organisationId },
      lock: this.transactions.isPostgres ? { mode: 'pessimistic_write' } : undefined,
    });
    if (!conversation) return undefined;
    const labels = change(conversation.labels);
    if (labels.length === conversation.labels.length && labels.every((label) => conversation.labels.includes(label))) return undefined;
    const now = new Date();
    await manager.update(Conversation, { id: conversationId }, { labels, updatedAt: now });
    await manager.insert(ConversationEvent, {
      id: randomUUID(),
      organisationId,
      conversationId,
      type: ConversationEventType.LabelsChanged,
      actorUserId,
      details: { from: conversation.labels, to: labels },
      createdAt: now,
    });
    return Object.assign(conversation, { labels, updatedAt: now });
  }
}
