import { GuardedHttpClient } from '@app/common';
import { ChannelTemplate, DownloadedMedia, OutboundContext } from '../../../channel-definition';
import { ChannelError, ChannelErrorCode } from '../../../channel-error';
import { TemplateStatus } from '../../../channel-event.types';
import { OutboundFile, OutboundMessage, SendResult } from '../../../channel-message.types';
import { OutboundChannelAdapter } from '../../../outbound-channel.adapter';
import { GRAPH_DEFAULT_API_BASE_URL, GRAPH_DEFAULT_API_VERSION, GraphApiClient } from '../../../meta/graph-api.client';
import { whatsAppRecipientOf } from '../../whatsapp-phone.util';

export interface WhatsAppCloudCredentials {
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  apiBaseUrl: string;
  version: string;
  timeoutMs: number;
}

interface SendResponse {
  messages?: Array<{ id?: string }>;
}

interface TemplatePage {
  data?: Array<{ name?: string; language?: string; status?: string; category?: string; components?: TemplateComponent[] }>;
  paging?: { cursors?: { after?: string }; next?: string };
}

interface TemplateComponent {
  type?: string;
  format?: string;
  text?: string;
}

const TEMPLATE_STATUSES: Record<string, TemplateStatus> = {
  APPROVED: 'approved',
  PENDING: 'pending',
  IN_APPEAL: 'pending',
  REJECTED: 'rejected',
  PAUSED: 'paused',
  DISABLED: 'disabled',
  PENDING_DELETION: 'disabled',
  DELETED: 'disabled',
};
// A business account has at most a few hundred templates; the sync stops there rather than page for ever.
const MAX_TEMPLATE_PAGES = 20;

export function whatsAppCloudCredentialsFrom(context: Pick<OutboundContext, 'inbox' | 'timeoutMs'>): WhatsAppCloudCredentials {
  const { settings, secrets } = context.inbox;
  return {
    phoneNumberId: String(settings.phoneNumberId ?? ''),
    wabaId: String(settings.wabaId ?? ''),
    accessToken: secrets.accessToken ?? '',
    apiBaseUrl: typeof settings.apiBaseUrl === 'string' ? settings.apiBaseUrl : GRAPH_DEFAULT_API_BASE_URL,
    version: typeof settings.graphApiVersion === 'string' ? settings.graphApiVersion : GRAPH_DEFAULT_API_VERSION,
    timeoutMs: context.timeoutMs,
  };
}

// The {{1}}, {{2}}… of a template body, counted by the highest number.
export function templateParameterCount(body: string): number {
  return Math.max(0, ...[...body.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((match) => Number(match[1])));
}

// WhatsApp Business Cloud API: replies and templates to POST /<phone number id>/messages, templates listed from
// the business account, media fetched by id. Every call goes through the guarded client to the inbox's
// apiBaseUrl (graph.facebook.com, or the sandbox).
export class WhatsAppCloudAdapter implements OutboundChannelAdapter {
  private readonly graph: GraphApiClient;

  constructor(
    private readonly credentials: WhatsAppCloudCredentials,
    http: GuardedHttpClient,
    // The officer's file, read at send time: Meta takes an upload, so the gateway need not be reachable from Meta.
    private readonly attachmentContent?: OutboundContext['attachmentContent'],
  ) {
    this.graph = new GraphApiClient(
      {
        apiBaseUrl: credentials.apiBaseUrl,
        version: credentials.version,
        accessToken: credentials.accessToken,
        timeoutMs: credentials.timeoutMs,
      },
      http,
    );
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const to = whatsAppRecipientOf(message.recipient.phone);
    if (!to) throw new ChannelError(ChannelErrorCode.RecipientInvalid, 'The beneficiary has no WhatsApp number');
    // WHATSAPP_CLOUD_CHANNEL's rule allows one file: a media message's caption is the reply's text.
    const attachment = message.attachments?.[0];
    if (attachment && !this.attachmentContent) throw new ChannelError(ChannelErrorCode.RecipientInvalid, 'Files cannot be read here');
    const file = attachment && this.attachmentContent ? await this.attachmentContent(attachment) : undefined;
    const content = file
      ? await this.mediaContent(file, message.text)
      : message.template
        ? {
            type: 'template',
            template: {
              name: message.template.name,
              language: { code: message.template.language },
              ...(message.template.parameters.length > 0
                ? {
                    components: [{ type: 'body', parameters: message.template.parameters.map((value) => ({ type: 'text', text: value })) }],
                  }
                : {}),
            },
          }
        : { type: 'text', text: { preview_url: false, body: message.text } };
    const answer = await this.graph.call<SendResponse>('POST', `${this.credentials.phoneNumberId}/messages`, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      ...content,
    });
    const id = answer.messages?.[0]?.id;
    // Accepted without an id: nothing could ever report on it, but it was sent.
    return { providerMessageId: typeof id === 'string' ? id : undefined, acceptedAt: new Date() };
  }

  // Outbound media by upload (POST /<phone number id>/media), then sent by its id with the text as caption.
  private async mediaContent(file: OutboundFile, caption: string): Promise<object> {
    const uploaded = await this.graph.upload<{ id?: string }>(`${this.credentials.phoneNumberId}/media`, {
      content: file.content,
      contentType: file.contentType,
      fileName: file.fileName,
      fields: { messaging_product: 'whatsapp', type: file.contentType },
    });
    if (typeof uploaded.id !== 'string') throw new ChannelError(ChannelErrorCode.Unknown, 'Meta gave no id for the uploaded file');
    const kind = file.contentType.startsWith('image/') ? 'image' : 'document';
    return {
      type: kind,
      [kind]: { id: uploaded.id, ...(caption ? { caption } : {}), ...(kind === 'document' ? { filename: file.fileName } : {}) },
    };
  }

  async templates(): Promise<ChannelTemplate[]> {
    const templates: ChannelTemplate[] = [];
    let after: string | undefined;
    for (let page = 0; page < MAX_TEMPLATE_PAGES; page += 1) {
      const query = new URLSearchParams({ fields: 'name,language,status,category,components', limit: '100', ...(after ? { after } : {}) });
      const answer = await this.graph.call<TemplatePage>('GET', `${this.credentials.wabaId}/message_templates?${query}`);
      for (const entry of answer.data ?? []) {
        if (typeof entry.name !== 'string' || typeof entry.language !== 'string') continue;
        const components = entry.components ?? [];
        const body = components.find((component) => component.type === 'BODY')?.text ?? '';
        const header = components.find((component) => component.type === 'HEADER' && component.format === 'TEXT')?.text;
        const footer = components.find((component) => component.type === 'FOOTER')?.text;
        templates.push({
          name: entry.name,
          language: entry.language,
          category: String(entry.category ?? 'UTILITY'),
          status: TEMPLATE_STATUSES[String(entry.status)] ?? 'pending',
          body,
          header,
          footer,
          parameterCount: templateParameterCount(body),
        });
      }
      after = answer.paging?.next ? answer.paging.cursors?.after : undefined;
      if (!after) break;
    }
    return templates;
  }

  // GET /<media id> gives a short-lived URL on Meta's CDN, fetched with the same token (reference/channels.md §4.3).
  async download(mediaId: string, maxBytes: number): Promise<DownloadedMedia> {
    if (!/^[\w.-]{1,100}$/.test(mediaId)) throw new ChannelError(ChannelErrorCode.Unknown, 'The media id is malformed');
    const described = await this.graph.call<{ url?: string; mime_type?: string; file_size?: number }>('GET', mediaId);
    if (typeof described.url !== 'string') throw new ChannelError(ChannelErrorCode.Unknown, 'Meta gave no URL for the media');
    if (typeof described.file_size === 'number' && described.file_size > maxBytes) {
      throw new ChannelError(ChannelErrorCode.RecipientInvalid, `The file is larger than ${Math.round(maxBytes / 1048576)} MB`);
    }
    const file = await this.graph.download(described.url, maxBytes);
    return { content: file.content, contentType: described.mime_type?.split(';')[0].trim() || file.contentType };
  }
}
