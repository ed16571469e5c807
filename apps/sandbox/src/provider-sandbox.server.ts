import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { MetaGraphSandbox } from './meta-graph-sandbox';
import { TelegramBotSandbox } from './telegram-bot-sandbox';
import { postForm, postJson, readBody, readFormParameters, readRaw, sendJson } from './sandbox-http.util';

// A stand-in for the SMS and voice providers on loopback, for development, demos and the end-to-end tests.
// It answers Twilio's Messages API, Unifonic's and Taqnyat's send calls the way the real APIs do, then posts
// delivery callbacks to the gateway signed exactly as Twilio signs them (with the Auth Token the client
// authenticated with). Point an inbox at it with settings.apiBaseUrl; Wasl itself has no sandbox branch.
// Like Twilio, it fetches every MediaUrl of an MMS before accepting it (refused with 21620 if one does not answer 200)
// and keeps what each answered on the message (`media`).
//
// The recipient's last four digits choose what happens, like Twilio's magic test numbers:
//   …0400  refused: invalid number (Twilio 21211, Unifonic ER-04): a permanent error
//   …0401  refused: authentication failed (Twilio 20003)
//   …0429  refused: too many requests (Twilio 20429)
//   …0503  the first two attempts answer HTTP 503, the third is accepted: a temporary error
//   …0030  accepted, then reported `undelivered` with ErrorCode 30003
//   …0777  accepted, then `delivered` is reported before `sent` (out of order)
//   anything else: accepted, then `sent` and `delivered`
export interface SandboxOptions {
  // Milliseconds between accepting a message and posting each delivery callback.
  callbackDelayMs?: number;
}

export interface SandboxMessage {
  provider: 'twilio' | 'unifonic' | 'taqnyat';
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback?: string;
  acceptedAt: string;
  callbacks: Array<{ status: string; httpStatus: number }>;
  // Twilio MMS: each MediaUrl as given, and what fetching it answered (Twilio fetches media before it accepts).
  media?: Array<{ url: string; httpStatus: number; contentType: string; sizeBytes: number; contentDisposition: string | null }>;
}

// Every send attempt, accepted or refused: what retries look like from the provider's side.
export interface SandboxAttempt {
  provider: SandboxMessage['provider'];
  to: string;
  httpStatus: number;
}

export interface PlayedCall {
  callSid: string;
  steps: Array<{ url: string; status: number; twiml: string }>;
}

const API_VERSION = '2010-04-01';

function sid(prefix: string): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

function scenarioOf(recipient: string): string {
  return recipient.replace(/\D/g, '').slice(-4);
}

async function fetchMedia(url: string): Promise<NonNullable<SandboxMessage['media']>[number]> {
  try {
    const response = await fetch(url);
    const content = Buffer.from(await response.arrayBuffer());
    return {
      url,
      httpStatus: response.status,
      contentType: response.headers.get('content-type') ?? '',
      sizeBytes: content.length,
      contentDisposition: response.headers.get('content-disposition'),
    };
  } catch {
    return { url, httpStatus: 0, contentType: '', sizeBytes: 0, contentDisposition: null };
  }
}

function attribute(twiml: string, element: string, name: string): string | undefined {
  const tag = new RegExp(`<${element}\\b[^>]*>`).exec(twiml)?.[0];
  return tag ? new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1]?.replace(/&amp;/g, '&') : undefined;
}

export class ProviderSandbox {
  readonly messages: SandboxMessage[] = [];
  readonly attempts: SandboxAttempt[] = [];
  private readonly attemptsByMessage = new Map<string, number>();
  private readonly unifonicReportUrls = new Map<string, string>();
  private readonly pending = new Set<NodeJS.Timeout>();
  private server?: Server;
  private baseUrl = '';
  // Meta's Graph API (WhatsApp Cloud API, Messenger, Instagram), on the same port.
  readonly graph: MetaGraphSandbox;
  // The Telegram Bot API, on the same port.
  readonly telegram = new TelegramBotSandbox();

  constructor(private readonly options: SandboxOptions = {}) {
    this.graph = new MetaGraphSandbox(() => this.baseUrl, options.callbackDelayMs ?? 0);
  }

  get url(): string {
    return this.baseUrl;
  }

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: Error) => sendJson(response, 500, { message: error.message }));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    this.baseUrl = `http://${host}:${(this.server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    this.graph.stop();
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  // Unifonic's DLR URL is set once per account in its console; here it is registered per AppSid.
  registerUnifonicDeliveryReports(appSid: string, url: string): void {
    this.unifonicReportUrls.set(appSid, url);
  }

  // Plays an inbound SMS into the gateway, signed as Twilio would sign it.
  async playInboundSms(input: { webhookUrl: string; authToken: string; from: string; to: string; body: string; messageSid?: string }) {
    const messageSid = input.messageSid ?? sid('SM');
    const parameters = {
      ToCountry: 'SA',
      SmsMessageSid: messageSid,
      NumMedia: '0',
      SmsSid: messageSid,
      SmsStatus: 'received',
      Body: input.body,
      FromCountry: 'SA',
      To: input.to,
      NumSegments: '1',
      MessageSid: messageSid,
      AccountSid: sid('AC').slice(0, 34),
      From: input.from,
      ApiVersion: API_VERSION,
    };
    const answer = await this.postSigned(input.webhookUrl, input.authToken, parameters);
    return { messageSid, ...answer };
  }

  // Plays a beneficiary's SMS through Unifonic: form fields to the inbox's inbound URL (which carries ?token=).
  async playUnifonicInboundSms(input: { webhookUrl: string; from: string; to: string; body: string; messageId?: string }) {
    const messageId = input.messageId ?? String(42_100_000_000_000 + Math.floor(Math.random() * 1e9));
    const answer = await postForm(input.webhookUrl, {
      MessageID: messageId,
      From: input.from.replace(/^\+/, ''),
      To: input.to.replace(/^\+/, ''),
      Body: input.body,
      TimeCreated: new Date().toISOString().replace('T', ' ').slice(0, 19),
    });
    return { messageId, ...answer };
  }

  // Plays a beneficiary's SMS through Taqnyat: JSON to the inbox's inbound URL (which carries ?token=).
  async playTaqnyatInboundSms(input: { webhookUrl: string; from: string; to: string; body: string; messageId?: string }) {
    const messageId = input.messageId ?? String(5_460_000_000 + Math.floor(Math.random() * 1e9));
    const answer = await postJson(input.webhookUrl, {
      messageId,
      from: input.from.replace(/^\+/, ''),
      to: input.to.replace(/^\+/, ''),
      body: input.body,
      receivedAt: new Date().toISOString(),
    });
    return { messageId, ...answer };
  }

  // Plays a call into the gateway: the call, then the <Dial action> with the chosen outcome, then, if the
  // gateway asks for a voicemail, the recording and its transcription.
  async playCall(input: {
    voiceUrl: string;
    authToken: string;
    from: string;
    to: string;
    dialStatus?: 'completed' | 'no-answer' | 'busy' | 'failed';
    voicemail?: { durationSeconds: number; transcription?: string };
  }): Promise<PlayedCall> {
    const callSid = sid('CA');
    const common = {
      AccountSid: sid('AC').slice(0, 34),
      ApiVersion: API_VERSION,
      CallSid: callSid,
      From: input.from,
      To: input.to,
      Direction: 'inbound',
    };
    const steps: PlayedCall['steps'] = [];
    const step = async (url: string, parameters: Record<string, string>) => {
      const answer = await this.postSigned(url, input.authToken, { ...common, ...parameters });
      steps.push({ url, status: answer.status, twiml: answer.body });
      return answer.body;
    };
    let twiml = await step(input.voiceUrl, { CallStatus: 'ringing', Caller: input.from, Called: input.to });
    const dialAction = attribute(twiml, 'Dial', 'action');
    if (dialAction) {
      const dialStatus = input.dialStatus ?? 'no-answer';
      twiml = await step(dialAction, {
        CallStatus: 'in-progress',
        DialCallStatus: dialStatus,
        DialCallSid: sid('CA'),
        DialCallDuration: dialStatus === 'completed' ? '42' : '0',
      });
    }
    const recordAction = attribute(twiml, 'Record', 'action');
    if (recordAction && input.voicemail) {
      const recordingSid = sid('RE');
      const recordingUrl = `${this.baseUrl}/2010-04-01/Accounts/${common.AccountSid}/Recordings/${recordingSid}`;
      await step(recordAction, {
        CallStatus: 'in-progress',
        RecordingSid: recordingSid,
        RecordingUrl: recordingUrl,
        RecordingDuration: String(input.voicemail.durationSeconds),
        Digits: 'hangup',
      });
      const transcribeCallback = attribute(twiml, 'Record', 'transcribeCallback');
      if (transcribeCallback && input.voicemail.transcription) {
        await step(transcribeCallback, {
          TranscriptionSid: sid('TR'),
          TranscriptionText: input.voicemail.transcription,
          TranscriptionStatus: 'completed',
          RecordingSid: recordingSid,
          RecordingUrl: recordingUrl,
        });
      }
    }
    return { callSid, steps };
  }

  private async postSigned(url: string, authToken: string, parameters: Record<string, string>) {
    const signature = twilio.getExpectedTwilioSignature(authToken, url, parameters);
    return postForm(url, parameters, { 'x-twilio-signature': signature });
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://sandbox').pathname;
    if (await this.graph.handle(request, response, path)) return;
    if (await this.telegram.handle(request, response, path)) return;
    const twilioMessages = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
    if (request.method === 'POST' && twilioMessages) return this.twilioCreateMessage(request, response, twilioMessages[1]);
    // A played voicemail's recording, as Twilio serves it to an account with HTTP authentication for media on.
    if (request.method === 'GET' && /^\/2010-04-01\/Accounts\/[^/]+\/Recordings\/RE[0-9a-f]+$/.test(path)) {
      if (!/^Basic [A-Za-z0-9+/=]+$/.test(request.headers.authorization ?? ''))
        return sendJson(response, 401, { code: 20003, status: 401 });
      response.writeHead(200, { 'content-type': 'audio/x-wav' }).end(toneWav());
      return;
    }
    if (request.method === 'POST' && path === '/rest/SMS/messages') return this.unifonicSend(request, response);
    if (request.method === 'POST' && path === '/v1/messages') return this.taqnyatSend(request, response);
    if (request.method === 'GET' && path === '/sandbox/messages') return sendJson(response, 200, { items: this.messages });
    if (request.method === 'POST' && path === '/sandbox/unifonic/delivery-report-urls') {
      const body = await readBody(request);
      this.registerUnifonicDeliveryReports(body.appSid, body.url);
      return sendJson(response, 204, {});
    }
    if (request.method === 'POST' && path === '/sandbox/whatsapp/numbers') {
      this.graph.registerWhatsAppNumber(JSON.parse(await readRaw(request)) as Parameters<MetaGraphSandbox['registerWhatsAppNumber']>[0]);
      return sendJson(response, 204, {});
    }
    if (request.method === 'POST' && path === '/sandbox/whatsapp/inbound') {
      const body = JSON.parse(await readRaw(request)) as Parameters<MetaGraphSandbox['playWhatsAppInbound']>[0];
      return sendJson(response, 200, await this.graph.playWhatsAppInbound(body));
    }
    if (request.method === 'POST' && path === '/sandbox/twilio/inbound-sms') {
      const body = await readBody(request);
      return sendJson(response, 200, await this.playInboundSms(body as Parameters<ProviderSandbox['playInboundSms']>[0]));
    }
    if (request.method === 'POST' && path === '/sandbox/unifonic/inbound-sms') {
      const body = await readBody(request);
      return sendJson(response, 200, await this.playUnifonicInboundSms(body as Parameters<ProviderSandbox['playUnifonicInboundSms']>[0]));
    }
    if (request.method === 'POST' && path === '/sandbox/taqnyat/inbound-sms') {
      const body = await readBody(request);
      return sendJson(response, 200, await this.playTaqnyatInboundSms(body as Parameters<ProviderSandbox['playTaqnyatInboundSms']>[0]));
    }
    if (request.method === 'POST' && path === '/sandbox/twilio/calls') {
      const body = await readBody(request);
      const voicemail = body.voicemail ? (JSON.parse(body.voicemail) as { durationSeconds: number; transcription?: string }) : undefined;
      const dialStatus = body.dialStatus as Parameters<ProviderSandbox['playCall']>[0]['dialStatus'];
      const call = { voiceUrl: body.voiceUrl, authToken: body.authToken, from: body.from, to: body.to, dialStatus, voicemail };
      return sendJson(response, 200, await this.playCall(call));
    }
    sendJson(response, 404, { code: 20404, message: `The requested resource ${path} was not found`, status: 404 });
  }

  // Counts attempts per (recipient, text) so the …0503 scenario can fail twice and then succeed.
  private failsTemporarily(key: string): boolean {
    const attempts = (this.attemptsByMessage.get(key) ?? 0) + 1;
    this.attemptsByMessage.set(key, attempts);
    return attempts <= 2;
  }

  private async twilioCreateMessage(request: IncomingMessage, response: ServerResponse, accountSid: string): Promise<void> {
    const [user, authToken] = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
      .toString('utf8')
      .split(':');
    const form = await readFormParameters(request);
    const body = Object.fromEntries(form) as Record<string, string>;
    const mediaUrls = form.getAll('MediaUrl');
    const twilioError = (status: number, code: number, message: string) => {
      this.attempts.push({ provider: 'twilio', to: body.To ?? '', httpStatus: status });
      sendJson(response, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
    };
    if (!authToken || user !== accountSid) return twilioError(401, 20003, 'Authenticate');
    const to = body.To ?? '';
    if (!body.Body && mediaUrls.length === 0) return twilioError(400, 21602, 'Message body is required.');
    if (mediaUrls.length > 10) return twilioError(400, 21623, 'Number of media files exceeds allowed limit');
    const scenario = scenarioOf(to);
    if (!/^\+[1-9]\d{6,14}$/.test(to) || scenario === '0400')
      return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    if (scenario === '0401') return twilioError(401, 20003, 'Authenticate');
    if (scenario === '0429') return twilioError(429, 20429, 'Too Many Requests');
    if (scenario === '0503' && this.failsTemporarily(`${to}\n${body.Body}`)) return twilioError(503, 20500, 'Service Unavailable');
    // Like Twilio, every media URL must answer with the file before the message is accepted.
    const media = await Promise.all(mediaUrls.map((url) => fetchMedia(url)));
    if (media.some((item) => item.httpStatus !== 200)) return twilioError(400, 21620, 'Invalid media URL(s)');

    const message: SandboxMessage = {
      provider: 'twilio',
      sid: sid('SM'),
      to,
      from: body.From ?? body.MessagingServiceSid ?? '',
      body: body.Body ?? '',
      statusCallback: body.StatusCallback,
      acceptedAt: new Date().toISOString(),
      callbacks: [],
      ...(media.length > 0 ? { media } : {}),
    };
    this.messages.push(message);
    this.attempts.push({ provider: 'twilio', to, httpStatus: 201 });
    const now = new Date().toUTCString();
    sendJson(response, 201, {
      account_sid: accountSid,
      api_version: API_VERSION,
      body: message.body,
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: body.From ?? null,
      messaging_service_sid: body.MessagingServiceSid ?? null,
      num_media: String(media.length),
      num_segments: '1',
      price: null,
      price_unit: 'USD',
      sid: message.sid,
      status: body.MessagingServiceSid ? 'accepted' : 'queued',
      subresource_uris: { media: `/${API_VERSION}/Accounts/${accountSid}/Messages/${message.sid}/Media.json` },
      to,
      uri: `/${API_VERSION}/Accounts/${accountSid}/Messages/${message.sid}.json`,
    });
    if (!message.statusCallback) return;
    const statuses: Array<[string, string?]> =
      scenario === '0030'
        ? [['sent'], ['undelivered', '30003']]
        : scenario === '0777'
          ? [['delivered'], ['sent']]
          : [['sent'], ['delivered']];
    this.schedule(
      statuses.map(
        ([status, errorCode]) =>
          () =>
            this.postTwilioStatus(message, accountSid, authToken, status, errorCode),
      ),
    );
  }

  private async postTwilioStatus(message: SandboxMessage, accountSid: string, authToken: string, status: string, errorCode?: string) {
    const parameters: Record<string, string> = {
      AccountSid: accountSid,
      From: message.from,
      To: message.to,
      MessageSid: message.sid,
      MessageStatus: status,
      SmsSid: message.sid,
      SmsStatus: status,
      ApiVersion: API_VERSION,
      ...(errorCode ? { ErrorCode: errorCode } : {}),
    };
    const answer = await this.postSigned(message.statusCallback!, authToken, parameters);
    message.callbacks.push({ status, httpStatus: answer.status });
  }

  private async unifonicSend(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const refuse = (errorCode: string, message: string) => sendJson(response, 200, { success: false, message, errorCode, data: {} });
    if (!body.AppSid) return refuse('ER-01', 'Invalid AppSid');
    const recipient = body.Recipient ?? '';
    const scenario = scenarioOf(recipient);
    if (!/^[1-9]\d{6,14}$/.test(recipient) || scenario === '0400') return refuse('ER-04', 'Dest num is too short');
    if (scenario === '0401') return sendJson(response, 401, { success: false, message: 'Unauthorized', errorCode: 'ER-01', data: {} });
    if (scenario === '0429')
      return sendJson(response, 429, { success: false, message: 'Too many requests', errorCode: 'ER-429', data: {} });
    if (scenario === '0503' && this.failsTemporarily(`${recipient}\n${body.Body}`))
      return sendJson(response, 503, { message: 'Service Unavailable' });
    const messageId = String(42_000_000_000_000 + this.messages.length + 1);
    const message: SandboxMessage = {
      provider: 'unifonic',
      sid: messageId,
      to: recipient,
      from: body.SenderID ?? '',
      body: body.Body ?? '',
      acceptedAt: new Date().toISOString(),
      callbacks: [],
    };
    this.messages.push(message);
    sendJson(response, 200, {
      success: true,
      message: '',
      errorCode: 'ER-00',
      data: {
        MessageID: Number(messageId),
        CorrelationID: body.CorrelationID ?? '',
        Status: 'Sent',
        NumberOfUnits: 1,
        Cost: 0,
        Balance: 0,
        Recipient: recipient,
        TimeCreated: new Date().toISOString().replace('T', ' ').slice(0, 23),
        CurrencyCode: '',
      },
    });
    const reportUrl = this.unifonicReportUrls.get(body.AppSid);
    if (!reportUrl) return;
    const dlr = scenario === '0030' ? 'Undeliverable' : 'Delivered';
    this.schedule([
      async () => {
        const answer = await postForm(reportUrl, {
          MessageID: messageId,
          DLR: dlr,
          Recipient: recipient,
          TimeCreated: new Date().toISOString().replace('T', ' ').slice(0, 19),
        });
        message.callbacks.push({ status: dlr, httpStatus: answer.status });
      },
    ]);
  }

  private async taqnyatSend(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!/^Bearer \S+/.test(request.headers.authorization ?? ''))
      return sendJson(response, 401, { statusCode: 401, message: 'Unauthorized' });
    const body = await readBody(request);
    const recipients = body.recipients ? (JSON.parse(body.recipients) as string[]) : [];
    const recipient = recipients[0] ?? '';
    const scenario = scenarioOf(recipient);
    if (!body.body) return sendJson(response, 400, { statusCode: 400, message: 'body is required' });
    if (scenario === '0401') return sendJson(response, 401, { statusCode: 401, message: 'Unauthorized' });
    if (scenario === '0429') return sendJson(response, 429, { statusCode: 429, message: 'Too many requests' });
    if (scenario === '0503' && this.failsTemporarily(`${recipient}\n${body.body}`))
      return sendJson(response, 503, { message: 'Service Unavailable' });
    const rejected = !/^[1-9]\d{6,14}$/.test(recipient) || scenario === '0400';
    const messageId = String(5_452_899_970 + this.messages.length + 1);
    if (!rejected) {
      this.messages.push({
        provider: 'taqnyat',
        sid: messageId,
        to: recipient,
        from: body.sender ?? '',
        body: body.body,
        acceptedAt: new Date().toISOString(),
        callbacks: [],
      });
    }
    sendJson(response, 201, {
      statusCode: 201,
      messageId: Number(messageId),
      cost: '0.0',
      currency: 'SAR',
      totalCount: 1,
      msgLength: 1,
      accepted: rejected ? '[]' : `[${recipient},]`,
      rejected: rejected ? `[${recipient},]` : '[]',
    });
  }

  // Callbacks go out one after another, each after the configured delay, like a carrier's reports.
  private schedule(callbacks: Array<() => Promise<void>>): void {
    const delay = this.options.callbackDelayMs ?? 200;
    const run = (index: number) => {
      if (index >= callbacks.length) return;
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        callbacks[index]()
          .catch(() => undefined)
          .finally(() => run(index + 1));
      }, delay);
      this.pending.add(timer);
    };
    run(0);
  }
}

// Half a second of a 440 Hz tone, 8 kHz 16-bit mono: a recording small enough to serve from memory.
function toneWav(): Buffer {
  const sampleRate = 8_000;
  const samples = sampleRate / 2;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let index = 0; index < samples; index += 1) {
    wav.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * index) / sampleRate) * 8_000), 44 + index * 2);
  }
  return wav;
}
