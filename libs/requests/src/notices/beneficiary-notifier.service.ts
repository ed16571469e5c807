import { ApiException } from '@app/common';
import { ContactsService } from '@app/contacts';
import { ChannelSendRules, ConversationQueriesService, ConversationsService, MessageAuthor, OutreachService } from '@app/conversations';
import { TransactionRunner } from '@app/database';
import { OrganisationsService } from '@app/identity';
import { Injectable, Logger } from '@nestjs/common';
import { RequestEventType } from '../entities/request-event.entity';
import { RequestTypeVersion } from '../entities/request-type.entity';
import { SupportRequest } from '../entities/support-request.entity';
import { RequestSettingsService } from '../services/request-settings.service';
import { RequestActorRef, RequestRecorder } from '../services/request-recorder.service';
import { RequestSource } from '../state/request-state.enum';
import { NoticeTemplate, NoticeVariables, renderNotice } from './beneficiary-notice.templates';

export type NoticeOutcome =
  | { sent: true; channel: string; conversationId: string; messageId: string }
  | { sent: false; reason: 'no_phone' | 'phone_not_verified' | 'no_sms_inbox' | 'refused' };

export interface NoticeOptions {
  // Answer in this conversation (where the beneficiary just asked) rather than the request's own.
  conversationId?: string;
}

// Every message to a beneficiary about their request goes through here, whatever the channel: into the conversation
// the request was opened from, else a new or open SMS conversation with the contact's number from the organisation's
// notice inbox. Automatic notices have no staff author (sender: system). Each outcome is on the request's timeline.
@Injectable()
export class BeneficiaryNotifier {
  private readonly logger = new Logger(BeneficiaryNotifier.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly conversations: ConversationsService,
    private readonly outreach: OutreachService,
    private readonly sendRules: ChannelSendRules,
    private readonly contacts: ContactsService,
    private readonly settings: RequestSettingsService,
    private readonly recorder: RequestRecorder,
    private readonly conversationQueries: ConversationQueriesService,
    private readonly organisations: OrganisationsService,
  ) {}

  // `variables` add to those every notice has: number, type and organisation.
  async notify(
    organisationId: string,
    requestId: string,
    template: NoticeTemplate,
    variables: NoticeVariables = {},
    options: NoticeOptions = {},
  ): Promise<NoticeOutcome> {
    const request = await this.transactions.run((manager) => manager.findOneByOrFail(SupportRequest, { id: requestId, organisationId }));
    const text = renderNotice(template, { ...(await this.commonVariables(request)), ...variables });
    return this.deliver({ organisationId, userId: null }, request, text, { template }, options);
  }

  // A staff member writing to the beneficiary from the request (its officer, its researcher), under their own name.
  async sendStaffMessage(organisationId: string, requestId: string, authorUserId: string, text: string): Promise<NoticeOutcome> {
    const request = await this.transactions.run((manager) => manager.findOneByOrFail(SupportRequest, { id: requestId, organisationId }));
    return this.deliver({ organisationId, userId: authorUserId }, request, text, { template: 'staff_message' }, {});
  }

  private async deliver(
    author: MessageAuthor,
    request: SupportRequest,
    text: string,
    details: { template: string },
    options: NoticeOptions,
  ): Promise<NoticeOutcome> {
    const outcome = await this.send(author, request, text, options).catch((error: unknown): NoticeOutcome => {
      // A disabled inbox or a text too long for the channel: the step itself stands, the timeline says the notice did not go.
      if (!(error instanceof ApiException)) throw error;
      this.logger.warn(`Notice ${details.template} of request ${request.id} was refused: ${error.message}`);
      return { sent: false, reason: 'refused' };
    });
    const actor: RequestActorRef = author.userId
      ? { kind: 'staff', user: { id: author.userId, organisationId: author.organisationId } }
      : { kind: 'system' };
    await this.transactions.run((manager) =>
      this.recorder.record(manager, request, actor, {
        type: outcome.sent ? RequestEventType.NoticeSent : RequestEventType.NoticeNotSent,
        details: outcome.sent
          ? { template: details.template, channel: outcome.channel, conversationId: outcome.conversationId, messageId: outcome.messageId }
          : { template: details.template, reason: outcome.reason },
      }),
    );
    return outcome;
  }

  private async send(author: MessageAuthor, request: SupportRequest, text: string, options: NoticeOptions): Promise<NoticeOutcome> {
    const conversationId = options.conversationId ?? request.conversationId;
    const conversation = conversationId
      ? await this.transactions.run((manager) =>
          this.conversationQueries.conversationWithin(manager, request.organisationId, conversationId),
        )
      : null;
    // A request opened at a walk-in visit has a conversation no message can go out on: the notice goes by SMS instead.
    if (conversation && (await this.sendRules.canSend(request.organisationId, conversation.inboxId))) {
      const message = await this.conversations.postAs(author, conversation.id, text);
      return { sent: true, channel: conversation.channel, conversationId: conversation.id, messageId: message.id };
    }
    const { contact, smsInboxId } = await this.transactions.run(async (manager) => ({
      contact: await this.contacts.current(manager, request.organisationId, request.contactId),
      smsInboxId: (await this.settings.load(manager, request.organisationId)).smsInboxId,
    }));
    if (!contact?.phone) return { sent: false, reason: 'no_phone' };
    // A number typed into the public form is anyone's claim: nothing is sent to it until its holder proves it with
    // the code. Staff who typed a number in met or spoke to the person.
    if (request.source === RequestSource.PublicForm && !contact.phoneVerified) return { sent: false, reason: 'phone_not_verified' };
    if (!smsInboxId) return { sent: false, reason: 'no_sms_inbox' };
    const started = await this.outreach.startAs(author, { inboxId: smsInboxId, contactId: contact.id, text });
    return { sent: true, channel: started.conversation.channel, conversationId: started.conversation.id, messageId: started.message.id };
  }

  private async commonVariables(request: SupportRequest): Promise<NoticeVariables> {
    return this.transactions.run(async (manager) => {
      const organisation = await this.organisations.nameOf(request.organisationId, manager);
      const version = await manager.findOneBy(RequestTypeVersion, { id: request.typeVersionId, organisationId: request.organisationId });
      return { number: String(request.number), organisation: organisation ?? '', type: version?.nameAr ?? '' };
    });
  }
}
