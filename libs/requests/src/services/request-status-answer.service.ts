import { ChannelKind } from '@app/channels';
import { ConversationQueriesService, InboundMessageHandler } from '@app/conversations';
import { TransactionRunner } from '@app/database';
import { WaslConfig } from '@app/config';
import { JobName, JobQueue, JobStatus } from '@app/queue';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RequestEvent, RequestEventType } from '../entities/request-event.entity';
import { SupportRequest } from '../entities/support-request.entity';
import { RegisteredBeneficiary } from '../entities/registered-beneficiary.entity';
import { NoticeTemplate } from '../notices/beneficiary-notice.templates';
import { BeneficiaryNotifier } from '../notices/beneficiary-notifier.service';
import { formatNoticeDate } from '../notices/notice-date.util';
import { STATE_FOR_BENEFICIARY } from '../notices/request-state-labels.constant';
import { RequestState } from '../state/request-state.enum';
import { requestNumberQuery } from './request-number-query.util';
import { SupportRequestsService } from './support-requests.service';

// Beneficiaries ask for their request's status by sending its number (web chat, SMS, WhatsApp): an inbound message
// that is exactly the number of one of their own requests is answered at once, with no officer writing. The worker's
// ingest path only tests the text and queues a job; reading and answering happen in that job.
@Injectable()
export class RequestStatusAnswerService implements OnModuleInit {
  private readonly logger = new Logger(RequestStatusAnswerService.name);

  constructor(
    private readonly inbound: InboundMessageHandler,
    private readonly transactions: TransactionRunner,
    private readonly requests: SupportRequestsService,
    private readonly notifier: BeneficiaryNotifier,
    private readonly config: WaslConfig,
    private readonly jobs: JobQueue,
    private readonly conversationQueries: ConversationQueriesService,
  ) {}

  onModuleInit(): void {
    if (!this.config.runsWorker) return;
    this.inbound.onApplied((message) => {
      // A call's transcription is not someone typing a number.
      if (message.channel === ChannelKind.Voice || requestNumberQuery(message.text) === undefined) return;
      this.jobs
        .enqueue(JobName.AnswerRequestStatus, { organisationId: message.organisationId, messageId: message.messageId })
        .catch((error: Error) => this.logger.warn(`Could not queue a status answer: ${error.message}`));
    });
  }

  async answer(organisationId: string, messageId: string): Promise<JobStatus> {
    const found = await this.transactions.run(async (manager) => {
      const message = await this.conversationQueries.inboundMessageWithin(manager, organisationId, messageId);
      const number = message ? requestNumberQuery(message.text) : undefined;
      if (!message || number === undefined) return undefined;
      const request = await this.requests.findOwnByNumber(manager, organisationId, message.contactId, number);
      if (!request) return undefined;
      // Answered once per message, even if the job runs again.
      const answered = await manager
        .createQueryBuilder(RequestEvent, 'event')
        .where('event.requestId = :requestId AND event.type = :type', { requestId: request.id, type: RequestEventType.StatusAnswered })
        .getMany();
      if (answered.some((event) => event.details?.messageId === messageId)) return undefined;
      const fileNumber = request.beneficiaryId
        ? (await manager.findOneBy(RegisteredBeneficiary, { id: request.beneficiaryId, organisationId }))?.fileNumber
        : undefined;
      return { message, request, fileNumber };
    });
    if (!found) return JobStatus.Skipped;
    const { message, request, fileNumber } = found;
    await this.notifier.notify(
      organisationId,
      request.id,
      NoticeTemplate.Status,
      { state: STATE_FOR_BENEFICIARY[request.state].ar, detail: detailOf(request, fileNumber) },
      { conversationId: message.conversationId },
    );
    await this.transactions.run((manager) =>
      manager.insert(RequestEvent, {
        id: randomUUID(),
        organisationId,
        requestId: request.id,
        type: RequestEventType.StatusAnswered,
        action: null,
        fromState: null,
        toState: null,
        actorUserId: null,
        actorKind: 'system',
        details: { messageId, conversationId: message.conversationId },
        createdAt: new Date(),
      }),
    );
    return JobStatus.Applied;
  }
}

function detailOf(request: SupportRequest, fileNumber: number | undefined): string {
  if (request.state === RequestState.AtCommittee && request.answerDueOn) return ` موعد الرد: ${formatNoticeDate(request.answerDueOn)}.`;
  if (request.state === RequestState.Registered && fileNumber) return ` رقم ملفك ${fileNumber}.`;
  if ((request.state === RequestState.InformationRequested || request.state === RequestState.Rejected) && request.decision?.reason) {
    return ` ${request.decision.reason}`;
  }
  return '';
}
