import { AttachedFile, attachmentRuleProblems, ChannelDefinition, findChannelDefinition, TextMeasure } from '@app/channels';
import { ApiException, FieldProblem } from '@app/common';
import { WaslConfig } from '@app/config';
import { InboxesService } from '@app/inboxes';
import { Injectable } from '@nestjs/common';

// What a reply may be on a conversation's channel, asked of the channel's definition: the composer's preview
// (SMS parts while typing) and the check that refuses a reply before it is queued.
@Injectable()
export class ChannelSendRules {
  constructor(
    private readonly inboxes: InboxesService,
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

  // A 400 naming `text` when the channel cannot carry it (too many SMS parts) or cannot send at all.
  async assertSendable(organisationId: string, inboxId: string, text: string): Promise<void> {
    const definition = await this.definitionOf(organisationId, inboxId);
    if (!definition?.outbound) {
      throw ApiException.validation([
        { field: 'text', message: 'cannot be sent on this channel; add it as a private note or answer on another channel' },
      ]);
    }
    const problems = definition.sendRules.check(text, this.limits());
    if (problems.length > 0) throw ApiException.validation(problems);
  }

  // Why these files cannot go out on the inbox's channel (400 on `attachments`), for a reply's uploads.
  async attachmentChecker(organisationId: string, inboxId: string): Promise<(files: AttachedFile[]) => FieldProblem[]> {
    const definition = await this.definitionOf(organisationId, inboxId);
    return (files) => attachmentRuleProblems(definition?.attachments ?? null, files, definition?.title ?? 'This channel');
  }

  private async definitionOf(organisationId: string, inboxId: string): Promise<ChannelDefinition | undefined> {
    const inbox = await this.inboxes.findInOrganisation(organisationId, inboxId);
    return inbox ? findChannelDefinition(inbox.channel, inbox.provider) : undefined;
  }

  private limits() {
    return { smsMaxParts: this.config.sms.maxParts };
  }
}
