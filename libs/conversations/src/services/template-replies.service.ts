import { ReplyWindow } from '@app/channels';
import { ApiException } from '@app/common';
import { AuthenticatedUser } from '@app/identity';
import { ChannelTemplatesService, ChannelTemplateView } from '@app/inboxes';
import { MessageView } from '@app/wire';
import { Injectable } from '@nestjs/common';
import { ChannelSendRules } from './channel-send-rules.service';
import { ConversationsService } from './conversations.service';

const MAX_PARAMETER_LENGTH = 1024;

export interface ReplyOptions {
  // null on channels where free text is always allowed.
  window: ReplyWindow | null;
  // The inbox's approved templates, for when the window is closed.
  templates: ChannelTemplateView[];
}

// What an officer may send on a conversation whose channel has a reply window (WhatsApp's 24 hours), and the
// template reply itself: an approved template of the conversation's inbox, its {{n}} filled in order.
@Injectable()
export class TemplateRepliesService {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly sendRules: ChannelSendRules,
    private readonly templates: ChannelTemplatesService,
  ) {}

  async options(user: AuthenticatedUser, conversationId: string): Promise<ReplyOptions> {
    const conversation = await this.conversations.get(user, conversationId);
    const target = { inboxId: conversation.inboxId, contactId: conversation.contact!.id };
    const window = await this.sendRules.window(user.organisationId, target);
    const templates = window ? await this.templates.list(user.organisationId, conversation.inboxId) : [];
    return { window, templates: templates.filter((template) => template.status === 'approved') };
  }

  async send(user: AuthenticatedUser, conversationId: string, templateId: string, parameters: string[]): Promise<MessageView> {
    const conversation = await this.conversations.get(user, conversationId);
    const template = await this.templates.find(user.organisationId, conversation.inboxId, templateId);
    if (!template) throw ApiException.validation([{ field: 'templateId', message: "is not a template of this conversation's inbox" }]);
    if (template.status !== 'approved') {
      throw ApiException.validation([
        { field: 'templateId', message: `is ${template.status}, not approved; only approved templates can be sent` },
      ]);
    }
    if (parameters.length !== template.parameterCount) {
      throw ApiException.validation([{ field: 'parameters', message: `must have ${template.parameterCount} values, one per placeholder` }]);
    }
    const problems = parameters.flatMap((value, index) =>
      !value.trim() || value.length > MAX_PARAMETER_LENGTH || /[\n\t]| {5,}/.test(value)
        ? [{ field: `parameters.${index}`, message: `must be one line of 1 to ${MAX_PARAMETER_LENGTH} characters` }]
        : [],
    );
    if (problems.length > 0) throw ApiException.validation(problems);
    const text = template.body.replace(
      /\{\{\s*(\d+)\s*\}\}/g,
      (placeholder, position: string) => parameters[Number(position) - 1] ?? placeholder,
    );
    return this.conversations.addMessage(
      user,
      conversationId,
      { text },
      { template: { name: template.name, language: template.language, parameters } },
    );
  }
}
