import { createHmac, randomBytes } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './sandbox-http.util';

// A stand-in for Meta's Graph API (WhatsApp Cloud API, Messenger, Instagram): it accepts sends like the real API,
// lists templates, serves media by id, and posts webhooks to Wasl signed with the app secret
// (X-Hub-Signature-256), statuses included, duplicated or out of order on demand. Served by ProviderSandbox at
// /v<version>/…; point an inbox at it with settings.apiBaseUrl.
//
// The recipient's last four digits choose what a WhatsApp send does:
//   …0400  refused: 131026 message undeliverable (permanent)
//   …0401  refused: 190 invalid access token
//   …0429  the first two attempts get 130429 (rate limit hit), the third is accepted
//   …0047  refused: 131047 re-engagement message (the 24-hour window is closed at Meta's end)
//   …0777  accepted, then `read`, `sent` and `delivered` are posted in that order, read twice (out of order)
//   …0049  accepted, then `sent` and a `failed` status with 131049
//   anything else: accepted, then `sent`, `delivered` and `read`
export interface GraphNumber {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber?: string;
  appSecret: string;
  // The inbox's own URL: /webhooks/whatsapp/<inbox id>.
  webhookUrl: string;
}

// A Facebook page (object "page") or an Instagram professional account (object "instagram"). Sends to
// /me/messages with its token: a recipient id ending …0551 is refused with 551 (person unavailable), …0004 gets
// code 4 (too many calls) twice and is then accepted; every accepted send is followed by a `delivery` event.
export interface GraphPage {
  object: 'page' | 'instagram';
  accountId: string;
  pageAccessToken: string;
  appSecret: string;
  webhookUrl: string;
}

export interface GraphPageMessage {
  accountId: string;
  recipientId: string;
  messagingType: string;
  tag?: string;
  text: string;
  mid: string;
  deliveryStatus?: number;
}

export interface GraphTemplate {
  name: string;
  language: string;
  status: string;
  category: string;
  body: string;
}

export interface GraphSentMessage {
  wamid: string;
  phoneNumberId: string;
  to: string;
  type: string;
  body: unknown;
  statuses: Array<{ status: string; httpStatus: number }>;
}

export interface GraphMedia {
  content: Buffer;
  mimeType: string;
}

const DEFAULT_TEMPLATES: GraphTemplate[] = [
  { name: 'request_update', language: 'ar', status: 'APPROVED', category: 'UTILITY', body: 'مرحباً {{1}}، طلبك رقم {{2}} قيد الدراسة.' },
  { name: 'appointment_reminder', language: 'ar', status: 'APPROVED', category: 'UTILITY', body: 'نذكّركم بموعدكم يوم {{1}}.' },
  { name: 'new_programme', language: 'ar', status: 'PENDING', category: 'MARKETING', body: 'برنامج جديد لمستفيدي الجمعية' },
];

function wamid(): string {
  return `wamid.${randomBytes(24).toString('base64url')}`;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  try {
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function graphError(response: ServerResponse, status: number, code: number, message: string): void {
  sendJson(response, status, {
    error: { message: `(#${code}) ${message}`, type: 'OAuthException', code, fbtrace_id: randomBytes(6).toString('hex') },
  });
}

export class MetaGraphSandbox {
  readonly sent: GraphSentMessage[] = [];
  private readonly numbers = new Map<string, GraphNumber>();
  private readonly pages = new Map<string, GraphPage>();
  private readonly profiles = new Map<string, { first_name?: string; last_name?: string; name?: string; profile_pic?: string }>();
  readonly pageMessages: GraphPageMessage[] = [];
  readonly uploads: Array<{ id: string; phoneNumberId: string; mimeType: string; bytes: number }> = [];
  private readonly templates = new Map<string, GraphTemplate[]>();
  private readonly media = new Map<string, GraphMedia>();
  private readonly attempts = new Map<string, number>();
  private readonly pending = new Set<NodeJS.Timeout>();

  constructor(
    private readonly baseUrl: () => string,
    private readonly callbackDelayMs = 0,
  ) {}

  registerWhatsAppNumber(number: GraphNumber): void {
    this.numbers.set(number.phoneNumberId, number);
  }

  registerPage(page: GraphPage): void {
    this.pages.set(page.pageAccessToken, page);
  }

  // What the Graph API answers for a person's id (Messenger: first and last name; Instagram: name).
  // With a picture, profile_pic names the sandbox's own file URL, as Meta's names its CDN.
  setProfile(
    personId: string,
    profile: { first_name?: string; last_name?: string; name?: string; profile_pic?: string },
    picture?: { content: Buffer; mimeType: string },
  ): void {
    const profilePicture = picture ? { profile_pic: `${this.baseUrl()}/graph-media-files/${this.addMedia(picture)}` } : {};
    this.profiles.set(personId, { ...profile, ...profilePicture });
  }

  // Plays a person's message to the page or Instagram account, `times` deliveries of the same mid.
  async playPageInbound(input: {
    accountId: string;
    senderId: string;
    text?: string;
    imageUrl?: string;
    mid?: string;
    times?: number;
    concurrently?: boolean;
    signWith?: string;
    echo?: boolean;
  }): Promise<{ mid: string; statuses: number[] }> {
    const page = [...this.pages.values()].find((candidate) => candidate.accountId === input.accountId);
    if (!page) throw new Error(`No page ${input.accountId} registered with the sandbox`);
    const mid = input.mid ?? `m_${randomBytes(16).toString('base64url')}`;
    const message: Record<string, unknown> = { mid, ...(input.text ? { text: input.text } : {}), ...(input.echo ? { is_echo: true } : {}) };
    if (input.imageUrl) message.attachments = [{ type: 'image', payload: { url: input.imageUrl } }];
    const body = {
      object: page.object,
      entry: [
        {
          id: page.accountId,
          time: Date.now(),
          messaging: [{ sender: { id: input.senderId }, recipient: { id: page.accountId }, timestamp: Date.now(), message }],
        },
      ],
    };
    const times = input.times ?? 1;
    const post = () => this.postSigned(page.webhookUrl, input.signWith ?? page.appSecret, body);
    const statuses = input.concurrently
      ? await Promise.all(Array.from({ length: times }, post))
      : await Array.from({ length: times }).reduce<Promise<number[]>>(async (done) => [...(await done), await post()], Promise.resolve([]));
    return { mid, statuses };
  }

  setTemplates(wabaId: string, templates: GraphTemplate[]): void {
    this.templates.set(wabaId, templates);
  }

  stop(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }

  // Plays a beneficiary's WhatsApp message into the gateway: text, an image or a voice note (its bytes served
  // here by media id), `times` deliveries of the same wamid (concurrently when `concurrently`).
  async playWhatsAppInbound(input: {
    phoneNumberId: string;
    from: string;
    name?: string;
    text?: string;
    image?: { content: Buffer; mimeType: string; caption?: string };
    voice?: { content: Buffer; mimeType: string };
    messageId?: string;
    times?: number;
    concurrently?: boolean;
    signWith?: string;
  }): Promise<{ messageId: string; statuses: number[] }> {
    const number = this.requireNumber(input.phoneNumberId);
    const messageId = input.messageId ?? wamid();
    const base = { from: input.from.replace(/^\+/, ''), id: messageId, timestamp: String(Math.floor(Date.now() / 1000)) };
    let message: Record<string, unknown>;
    if (input.image) {
      const id = this.addMedia(input.image);
      message = { ...base, type: 'image', image: { id, mime_type: input.image.mimeType, sha256: 'sandbox', caption: input.image.caption } };
    } else if (input.voice) {
      const id = this.addMedia(input.voice);
      message = {
        ...base,
        type: 'audio',
        audio: { id, mime_type: `${input.voice.mimeType}; codecs=opus`, sha256: 'sandbox', voice: true },
      };
    } else {
      message = { ...base, type: 'text', text: { body: input.text ?? '' } };
    }
    const body = this.envelope(number, {
      contacts: [{ profile: { name: input.name ?? 'مستفيد' }, wa_id: base.from }],
      messages: [message],
    });
    const times = input.times ?? 1;
    const post = () => this.postSigned(number.webhookUrl, input.signWith ?? number.appSecret, body);
    const statuses = input.concurrently
      ? await Promise.all(Array.from({ length: times }, post))
      : await Array.from({ length: times }).reduce<Promise<number[]>>(async (done) => [...(await done), await post()], Promise.resolve([]));
    return { messageId, statuses };
  }

  // A template's review outcome, as Meta posts it.
  async playTemplateStatus(input: {
    phoneNumberId: string;
    name: string;
    language: string;
    event: string;
    reason?: string;
  }): Promise<number> {
    const number = this.requireNumber(input.phoneNumberId);
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: number.wabaId,
          time: Math.floor(Date.now() / 1000),
          changes: [
            {
              field: 'message_template_status_update',
              value: {
                event: input.event,
                message_template_id: 1,
                message_template_name: input.name,
                message_template_language: input.language,
                reason: input.reason ?? 'NONE',
              },
            },
          ],
        },
      ],
    };
    return this.postSigned(number.webhookUrl, number.appSecret, body);
  }

  // Routes of the Graph API; false when the path is not one of them.
  async handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    const file = /^\/graph-media-files\/([\w-]+)$/.exec(path);
    if (request.method === 'GET' && file) {
      const media = this.media.get(file[1]);
      if (!media) sendJson(response, 404, {});
      else response.writeHead(200, { 'content-type': media.mimeType, 'content-length': media.content.length }).end(media.content);
      return true;
    }
    const match = /^\/(v\d+\.\d)\/([\w.-]+)(?:\/([\w_]+))?$/.exec(path);
    if (!match) return false;
    const [, , node, edge] = match;
    if (!/^Bearer \S+$/.test(request.headers.authorization ?? '')) {
      graphError(response, 401, 190, 'Invalid OAuth access token');
      return true;
    }
    const page = this.pages.get((request.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (request.method === 'POST' && node === 'me' && edge === 'messages') {
      if (!page) graphError(response, 401, 190, 'Invalid OAuth access token');
      else await this.sendPageMessage(page, await readJson(request), response);
      return true;
    }
    if (request.method === 'GET' && !edge && page && this.profiles.has(node)) {
      sendJson(response, 200, { id: node, ...this.profiles.get(node) });
      return true;
    }
    if (request.method === 'POST' && edge === 'media' && this.numbers.has(node)) {
      // An outbound upload: kept, so a send naming its id can be checked, and servable like inbound media.
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks);
      const type = /name="type"\r\n\r\n([^\r]+)/.exec(raw.toString('latin1'))?.[1] ?? 'application/octet-stream';
      const id = this.addMedia({ content: raw, mimeType: type });
      this.uploads.push({ id, phoneNumberId: node, mimeType: type, bytes: raw.length });
      sendJson(response, 200, { id });
      return true;
    }
    if (request.method === 'POST' && edge === 'messages' && this.numbers.has(node)) {
      await this.sendWhatsApp(this.numbers.get(node)!, await readJson(request), response);
      return true;
    }
    if (request.method === 'GET' && edge === 'message_templates') {
      const data = (this.templates.get(node) ?? DEFAULT_TEMPLATES).map((template) => ({
        name: template.name,
        language: template.language,
        status: template.status,
        category: template.category,
        id: String(template.name.length * 1000),
        components: [{ type: 'BODY', text: template.body }],
      }));
      sendJson(response, 200, { data, paging: { cursors: { before: 'B', after: 'A' } } });
      return true;
    }
    if (request.method === 'GET' && !edge && this.media.has(node)) {
      const media = this.media.get(node)!;
      sendJson(response, 200, {
        messaging_product: 'whatsapp',
        id: node,
        url: `${this.baseUrl()}/graph-media-files/${node}`,
        mime_type: media.mimeType,
        sha256: 'sandbox',
        file_size: media.content.length,
      });
      return true;
    }
    graphError(response, 400, 100, `Unsupported request: ${request.method} ${path}`);
    return true;
  }

  private async sendWhatsApp(number: GraphNumber, body: Record<string, unknown>, response: ServerResponse): Promise<void> {
    const to = typeof body.to === 'string' ? body.to : '';
    if (body.messaging_product !== 'whatsapp' || !/^\d{7,15}$/.test(to)) return graphError(response, 400, 100, 'Invalid parameter');
    const scenario = to.slice(-4);
    const attempt = (this.attempts.get(`${to}\n${JSON.stringify(body)}`) ?? 0) + 1;
    this.attempts.set(`${to}\n${JSON.stringify(body)}`, attempt);
    if (scenario === '0400') return graphError(response, 400, 131026, 'Message undeliverable');
    if (scenario === '0401') return graphError(response, 401, 190, 'Invalid OAuth access token');
    if (scenario === '0047') return graphError(response, 400, 131047, 'Re-engagement message');
    if (scenario === '0429' && attempt <= 2) return graphError(response, 400, 130429, 'Rate limit hit');
    const sent: GraphSentMessage = { wamid: wamid(), phoneNumberId: number.phoneNumberId, to, type: String(body.type), body, statuses: [] };
    this.sent.push(sent);
    sendJson(response, 200, { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: sent.wamid }] });
    const order =
      scenario === '0777'
        ? ['read', 'sent', 'delivered', 'read']
        : scenario === '0049'
          ? ['sent', 'failed']
          : ['sent', 'delivered', 'read'];
    order.forEach((status, index) => {
      const timer = setTimeout(
        () => {
          this.pending.delete(timer);
          void this.postStatus(number, sent, status);
        },
        this.callbackDelayMs * (index + 1) + index * 20,
      );
      this.pending.add(timer);
    });
  }

  private async sendPageMessage(page: GraphPage, body: Record<string, unknown>, response: ServerResponse): Promise<void> {
    const recipientId = String((body.recipient as { id?: unknown } | undefined)?.id ?? '');
    const text = String((body.message as { text?: unknown } | undefined)?.text ?? '');
    if (!/^\d+$/.test(recipientId) || !text) return graphError(response, 400, 100, 'Invalid parameter');
    const attempt = (this.attempts.get(`${recipientId}\n${text}`) ?? 0) + 1;
    this.attempts.set(`${recipientId}\n${text}`, attempt);
    if (recipientId.endsWith('0551')) return graphError(response, 400, 551, "This person isn't available right now.");
    if (recipientId.endsWith('0004') && attempt <= 2) return graphError(response, 400, 4, 'Application request limit reached');
    const sent: GraphPageMessage = {
      accountId: page.accountId,
      recipientId,
      messagingType: String(body.messaging_type),
      tag: typeof body.tag === 'string' ? body.tag : undefined,
      text,
      mid: `m_${randomBytes(16).toString('base64url')}`,
    };
    this.pageMessages.push(sent);
    sendJson(response, 200, { recipient_id: recipientId, message_id: sent.mid });
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      const delivery = {
        object: page.object,
        entry: [
          {
            id: page.accountId,
            time: Date.now(),
            messaging: [
              {
                sender: { id: recipientId },
                recipient: { id: page.accountId },
                timestamp: Date.now(),
                delivery: { mids: [sent.mid], watermark: Date.now() },
              },
            ],
          },
        ],
      };
      void this.postSigned(page.webhookUrl, page.appSecret, delivery).then(
        (status) => (sent.deliveryStatus = status),
        () => (sent.deliveryStatus = 0),
      );
    }, this.callbackDelayMs + 20);
    this.pending.add(timer);
  }

  private async postStatus(number: GraphNumber, sent: GraphSentMessage, status: string): Promise<void> {
    const errors =
      status === 'failed'
        ? [{ code: 131049, title: 'This message was not delivered to maintain healthy ecosystem engagement.', href: '/documentation' }]
        : undefined;
    const body = this.envelope(number, {
      statuses: [
        { id: sent.wamid, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: sent.to, ...(errors ? { errors } : {}) },
      ],
    });
    const httpStatus = await this.postSigned(number.webhookUrl, number.appSecret, body).catch(() => 0);
    sent.statuses.push({ status, httpStatus });
  }

  private envelope(number: GraphNumber, value: Record<string, unknown>) {
    return {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: number.wabaId,
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: number.displayPhoneNumber ?? '966110000000', phone_number_id: number.phoneNumberId },
                ...value,
              },
            },
          ],
        },
      ],
    };
  }

  private addMedia(media: GraphMedia): string {
    const id = String(Date.now()) + String(Math.floor(Math.random() * 1e6));
    this.media.set(id, media);
    return id;
  }

  private requireNumber(phoneNumberId: string): GraphNumber {
    const number = this.numbers.get(phoneNumberId);
    if (!number) throw new Error(`No WhatsApp number ${phoneNumberId} registered with the sandbox`);
    return number;
  }

  // Meta signs the exact bytes it sends.
  private async postSigned(url: string, appSecret: string, body: unknown): Promise<number> {
    const raw = JSON.stringify(body);
    const signature = `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature, 'user-agent': 'facebookexternalua' },
      body: raw,
    });
    await answer.arrayBuffer();
    return answer.status;
  }
}
