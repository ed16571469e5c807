import {
  AttachedFile,
  attachmentRuleProblems,
  ChannelDefinition,
  findChannelDefinition,
  ReplyWindow,
  SendContext,
  TextMeasure,
} from '@app/channels';
import { ApiException, FieldProblem } from '@app/common';
import { WaslConfig } from '@app/config';
import { InboxesService } from '@app/inboxes';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Message, MessageType } from '../entities/message.entity';

// Whom a reply goes to: the beneficiary on one inbox.
export interface ReplyTarget {
  inboxId: string;
  contactId: string;
}

// What a reply may be on a conversation's channel, asked of the channel's definition: the composer's preview
// (SMS parts while typing, the reply window) and the check that refuses a reply before it is queued.
@Injectable()
export class ChannelSendRules {
  constructor(
    private readonly inboxes: InboxesService,
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    private readonly config: WaslConfig,
  ) {}

  async measure(organisationId: string, inboxId: string, text: string): Promise<TextMeasure | null> {
    const definition = await this.definitionOf(organisationId, inboxId);
    return definition?.sendRules.measure(text, this.limits()) ?? null;
  }

  // Whether the inbox's channel sends at all (a walk-in visit's does not).
  async canSend(organisationId: string, inboxId: string): Promise<boolean> {
    return Boolean((await this.definitionOf(organisationId, inboxId))?.outbound);
  }

  // A 400 naming `text` when the channel cannot carry it (too many SMS parts, the reply window closed) or cannot
  // send at all.
  async assertSendable(
    organisationId: string,
    target: ReplyTarget,
    text: string,
    manager?: EntityManager,
    options: { template?: boolean } = {},
  ): Promise<void> {
    const definition = await this.definitionOf(organisationId, target.inboxId);
    if (!definition?.outbound) {
      throw ApiException.validation([
        { field: 'text', message: 'cannot be sent on this channel; add it as a private note or answer on another channel' },
      ]);
    }
    // An approved template is what may be sent once the window has closed.
    if (options.template) return;
    const context = await this.contextOf(organisationId, target, manager);
    const problems = definition.sendRules.check(text, this.limits(), context);
    if (problems.length > 0) throw ApiException.validation(problems);
  }

  // Whether free text may be sent now and until when; null on channels without a reply window.
  async window(organisationId: string, target: ReplyTarget): Promise<ReplyWindow | null> {
    const definition = await this.definitionOf(organisationId, target.inboxId);
    if (!definition?.sendRules.window) return null;
    return definition.sendRules.window(await this.contextOf(organisationId, target));
  }

  // The beneficiary's last message on the inbox, over all their conversations there (a window spans a reopening).
  async lastInboundAt(organisationId: string, target: ReplyTarget, manager?: EntityManager): Promise<Date | null> {
    // Through the contact's conversations on the inbox (indexed), then each conversation's newest messages.
    const row = await (manager ?? this.messages.manager)
      .createQueryBuilder(Message, 'message')
      .select('MAX(message.createdAt)', 'last')
      .where(
        `message.conversationId IN (SELECT conversation.id FROM conversations conversation
          WHERE conversation.organisation_id = :organisationId AND conversation.contact_id = :contactId
          AND conversation.inbox_id = :inboxId)`,
        { organisationId, contactId: target.contactId, inboxId: target.inboxId },
      )
      .andWhere('message.type = :type', { type: MessageType.Inbound })
      .getRawOne<{ last: Date | string | null }>();
    return row?.last ? new Date(row.last) : null;
  }

  private async contextOf(organisationId: string, target: ReplyTarget, manager?: EntityManager): Promise<SendContext> {
    return { lastInboundAt: await this.lastInboundAt(organisationId, target, manager), now: new Date() };
  }

  // Why these files cannot go out on the inbox's channel with this text (400 on `attachments`, or on `text` for a
  // caption too long), for a reply's uploads.
  async attachmentChecker(organisationId: string, inboxId: string, text: string): Promise<(files: AttachedFile[]) => FieldProblem[]> {
    const definition = await this.definitionOf(organisationId, inboxId);
    return (files) => attachmentRuleProblems(definition?.attachments ?? null, files, definition?.title ?? 'This channel', text);
  }

  private async definitionOf(organisationId: string, inboxId: string): Promise<ChannelDefinition | undefined> {
    const inbox = await this.inboxes.findInOrganisation(organisationId, inboxId);
    return inbox ? findChannelDefinition(inbox.channel, inbox.provider) : undefined;
  }

  private limits() {
    return { smsMaxParts: this.config.sms.maxParts };
  }
}
