import { FieldProblem, GuardedHttpClient, JsonObject } from '@app/common';
import type { SchemaObject } from '@nestjs/swagger';
import { ClassConstructor } from 'class-transformer';
import { ChannelEvent, TemplateStatus } from './channel-event.types';
import { ChannelKind } from './channel-kind.enum';
import { ChannelSettingsForm } from './channel-settings-form.types';
import { OutboundAttachment, OutboundFile, OutboundMessage, SendResult } from './channel-message.types';
import { OutboundChannelAdapter } from './outbound-channel.adapter';
import { SmsLength } from './sms/sms-segment.util';

// How to add a channel or a provider
// ----------------------------------
// A channel (a kind, such as SMS) or a provider of one (Twilio, Unifonic…) is ONE folder under libs/channels/src
// holding everything about it, and ONE line in CHANNELS (channel.registry.ts). Nothing outside the folder names
// the vendor: the gateway's one webhook pipeline, inbox creation, the outbound worker, the composer's preview and
// outreach all ask the definition. docs/adding-a-channel.md walks through a real one (Msegat SMS).
//   1. `settings`: a class-validator DTO of the inbox's settings; unknown fields are refused by name. Fields in
//      `secretFields` are sealed with the inbox and never returned; `outboundUrlFields` are checked against the
//      private-network policy at creation (and again at every send by the guarded HTTP client). `form` labels each
//      field in Arabic and English (a `<name>-settings-form.constant.ts` beside the DTO); the staff app draws it.
//   2. `asserts`: which sender identities this channel vouches for (docs/architecture.md, "Who a sender is").
//      A phone or e-mail that a person merely typed is never listed here.
//   3. `webhooks`: the routes the provider calls, under /webhooks/<prefix>/<inboxId>/<path>. Each route verifies
//      the request (signature, token, challenge) before anything is read, then parses it into ChannelEvents and
//      the answer the provider expects. No database here: the pipeline hands the events to the intake.
//   4. `outbound`: builds a fresh adapter from the inbox's stored settings and secrets for every send, mapping
//      the vendor's failures onto ChannelErrorCode (with Retry-After when the vendor says it).
//   5. `sendRules`: what a reply's text may be on this channel (SMS parts, a reply window), checked before it is
//      queued, and `attachments`: which files a reply may carry (types, how many, how large), or null for none.
//      Adapters get the files as ids and metadata, never bytes, and hand the receiver a signed, expiring link
//      (`OutboundContext.attachmentLink`).
//   6. Optional parts, each asked by one generic service: `templates` (synced by a job, sent outside a reply
//      window), `media` (files a message names by id, fetched by the worker after the message is stored),
//      `profiles` (a new sender's name), `pacing` (messages per second per inbox, across workers) and `setUp`
//      (registering the webhook with the provider, run by a job when the inbox is created).
//   7. A unit spec beside the adapter and parsers (fixtures in __fixtures__), and the e2e suite of its kind.
export interface ChannelDefinition<Settings extends object = object> {
  readonly kind: ChannelKind;
  // Stored in inboxes.provider; null for a kind with a single implementation (the API channel, web chat).
  readonly provider: string | null;
  // A short human name for administrators and logs ("Twilio SMS").
  readonly title: string;
  readonly settings: ClassConstructor<Settings>;
  // The administrator's form for `settings`: labels in Arabic and English, help lines and order, kept in the
  // definition's folder; input types, requirement and choices come from the DTO's decorators. The staff app draws
  // every provider's form from it (GET /api/v1/channel-definitions), so a new provider changes nothing in apps/web.
  readonly form: ChannelSettingsForm;
  readonly secretFields: readonly string[];
  readonly outboundUrlFields?: readonly string[];
  // 'refuse' (the default) names an unknown settings field in a 400; 'keep' stores the settings as given.
  readonly unknownSettings?: 'refuse' | 'keep';
  // Filled in when the administrator leaves it out (the vendor's real API; tests and the sandbox set their own).
  readonly defaultApiBaseUrl?: string;
  // Checks class-validator cannot express (a list of origins that must parse, a referenced inbox); field names
  // are relative to settings.
  readonly checkSettings?: (settings: JsonObject) => FieldProblem[];
  readonly asserts: readonly AssertedIdentity[];
  readonly webhooks: ChannelWebhooks | null;
  readonly outbound: ((context: OutboundContext) => OutboundChannelAdapter) | null;
  readonly sendRules: SendRules;
  // The files an officer may attach to a reply here, checked before it is queued; null where the channel carries
  // none (such a reply is a 400 naming `attachments`). Private notes are never sent and do not ask this rule.
  readonly attachments: AttachmentRule | null;
  // Headers for fetching a media URL the provider gave in a webhook (its credentials, to its own host only), when
  // its media are not public.
  readonly mediaHeaders?: (inbox: WebhookInbox, url: URL) => Record<string, string>;
  // Receivers that get Wasl's message id with every copy can drop a second one, so a reply whose send was
  // interrupted is sent again; otherwise it fails as OUTCOME_UNKNOWN and an officer decides.
  readonly receiverDeduplicates: boolean;
  // Whether staff may open a conversation here: by writing first to the contact's number or address, or by
  // recording what happened (a walk-in visit); null where only the beneficiary starts (web chat, calls, the app).
  readonly outreach: OutreachRule | null;
  readonly templates?: TemplateSource;
  readonly media?: MediaSource;
  readonly profiles?: ProfileSource;
  // At most this many sends per second from one inbox (a WhatsApp number's throughput), shared by every worker.
  readonly pacing?: (settings: JsonObject) => { messagesPerSecond: number };
  // Tells the provider where to post (Telegram's setWebhook). Run by a job after the inbox is created, never
  // inside the administrator's request; it may be run again (idempotent).
  readonly setUp?: (context: OutboundContext) => Promise<void>;
  // A channel that is a live session a worker drives (WhatsApp through a paired phone) rather than webhooks: exactly
  // one process runs an inbox's session at a time (a lease in Redis), and its sends and media go through it.
  readonly session?: ChannelSessionDriver;
}

export type ChannelSessionState = 'pairing' | 'connected' | 'disconnected' | 'logged-out';

export interface ChannelSessionDriver {
  start(context: ChannelSessionContext): Promise<RunningChannelSession>;
}

export interface ChannelSessionContext {
  inbox: WebhookInbox;
  options: ChannelSessionOptions;
  // The session's credentials in Wasl's own storage (sealed in PostgreSQL), so any worker can resume it.
  store: ChannelSessionStore;
  report(update: ChannelSessionUpdate): Promise<void>;
  // Inbound messages and delivery reports, through the same intake as webhooks.
  receive(events: ChannelEvent[]): Promise<void>;
}

export interface ChannelSessionOptions {
  // Chosen by configuration (WHATSAPP_WEB_CLIENT): Debian's Chromium, or the replay client of recorded shapes.
  client: 'chromium' | 'replay';
  executablePath: string;
  proxy?: string;
  // A folder of this process's own for the browser profile while it runs.
  workDirectory: string;
  processId: string;
}

export interface ChannelSessionStore {
  load(): Promise<string | null>;
  save(data: string): Promise<void>;
  clear(): Promise<void>;
}

export interface ChannelSessionUpdate {
  state: ChannelSessionState;
  // The pairing QR code's text while pairing; null once paired.
  qr?: string | null;
  // The paired number (E.164).
  phone?: string | null;
  reason?: string;
}

export interface RunningChannelSession {
  // `file`: the reply's attachment read at send time (the definition's attachment rule allows at most one).
  send(message: OutboundMessage, file?: OutboundFile): Promise<SendResult>;
  downloadMedia(providerMediaId: string, maxBytes: number): Promise<DownloadedMedia>;
  // Stops driving; the stored session stays for the next owner.
  stop(): Promise<void>;
}

// The sessions this process drives, for the adapters of session channels.
export interface ChannelSessionRegistry {
  running(inboxId: string): RunningChannelSession | undefined;
}

// Message templates approved by the provider, for replies outside the reply window.
export interface TemplateSource {
  sync(context: OutboundContext): Promise<ChannelTemplate[]>;
}

export interface ChannelTemplate {
  name: string;
  language: string;
  category: string;
  status: TemplateStatus;
  // The body with its {{1}}… placeholders, shown to the officer and filled on send.
  body: string;
  header?: string;
  footer?: string;
  parameterCount: number;
}

export interface MediaSource {
  // The file behind an attachment's providerMediaId, within maxBytes (a larger one throws ChannelError).
  download(context: OutboundContext, providerMediaId: string, maxBytes: number): Promise<DownloadedMedia>;
}

export interface DownloadedMedia {
  content: Buffer;
  contentType: string;
  fileName?: string;
}

export interface ProfileSource {
  // What the provider says about a sender Wasl has no name for (Messenger's and Instagram's user profile).
  fetch(context: OutboundContext, externalId: string): Promise<{ name?: string; pictureUrl?: string }>;
  // The picture the profile named, fetched with the channel's credentials from the provider's own hosts only.
  picture?(context: OutboundContext, url: string, maxBytes: number): Promise<DownloadedMedia>;
}

export type AssertedIdentity = 'phone' | 'email' | 'external-id';

export type OutreachRule = { mode: 'send'; recipient: 'phone' | 'email' } | { mode: 'record' };

export interface ChannelWebhooks {
  // The first path segment after /webhooks/. Shared by a vendor's definitions (Twilio SMS and voice), because
  // the inbox id picks the definition; URLs pasted into providers' consoles never change.
  readonly prefix: string;
  readonly routes: readonly WebhookRoute[];
}

export interface WebhookRoute {
  readonly method: 'GET' | 'POST';
  // Relative to /webhooks/<prefix>/<inboxId>/; '' is the inbox's own URL.
  readonly path: string;
  readonly summary: string;
  // Set on the routes an administrator pastes into the provider's console: a stable key the staff app names
  // ("twilioSms" → «رابط الرسائل الواردة في Twilio»). Routes the provider learns per message are left out.
  readonly pastedAs?: string;
  readonly openApi: WebhookOpenApi;
  // Throws an ApiException (401/403/404) when the request is not the provider's; runs before anything is parsed.
  verify(request: WebhookRequest, inbox: WebhookInbox): void;
  // Parses the verified request. Throws ApiException.validation naming the field for a malformed one.
  handle(request: WebhookRequest, inbox: WebhookInbox, tools: WebhookTools): WebhookOutcome;
}

export interface WebhookOpenApi {
  // Each content type documents the same schema (form fields or JSON).
  readonly contentTypes: readonly string[];
  readonly body?: SchemaObject;
  readonly headers?: ReadonlyArray<{ name: string; description: string }>;
  readonly query?: ReadonlyArray<{ name: string; description: string; required: boolean }>;
  readonly response: { status: number; contentType: string; description: string };
}

export interface WebhookRequest {
  method: string;
  // The URL the provider called, as the public sees it (PUBLIC_URL + path and query): what signatures cover.
  publicUrl: string;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string | string[] | undefined>;
  body: unknown;
  rawBody: Buffer | undefined;
}

// What a webhook may know of its inbox: its id, its settings and its decrypted secrets.
export interface WebhookInbox {
  id: string;
  organisationId: string;
  provider: string | null;
  settings: JsonObject;
  secrets: Record<string, string>;
}

export interface WebhookTools {
  // The absolute URL of another route of this inbox (TwiML callbacks), built from PUBLIC_URL.
  webhookUrl(path: string): string;
  now: Date;
}

export interface WebhookOutcome {
  events: ChannelEvent[];
  reply: WebhookReply;
}

export interface WebhookReply {
  status: number;
  contentType: string;
  body: string | object;
}

export interface AttachmentRule {
  // Types Wasl tells by a file's first bytes (DETECTABLE_ATTACHMENT_TYPES), never by its name or a browser's claim.
  readonly contentTypes: readonly string[];
  readonly maxCount: number;
  // Each file, and all of one reply's files together.
  readonly maxBytes: number;
  readonly maxTotalBytes: number;
  // Where the file travels as a caption of the text (WhatsApp, Telegram), the text's own limit beside a file.
  readonly maxCaptionLength?: number;
  // Where the rule comes from, and where it does not hold (Twilio MMS outside North America), for administrators.
  readonly note: string;
}

export interface OutboundContext {
  inbox: WebhookInbox;
  // Every configured URL is reached through it: administrators type them in.
  http: GuardedHttpClient;
  // Publishes into /webchat rooms through Redis, for channels whose receivers are browsers.
  realtime: RealtimeTransport;
  // Where the provider posts back (Twilio's per-message status callback), built from PUBLIC_URL.
  webhookUrl(path: string): string;
  // False for a text Wasl does not keep as a message (a verification code): no report could be applied.
  reportDelivery: boolean;
  timeoutMs: number;
  // Set where sessions run (the worker); adapters of session channels send through it.
  sessions?: ChannelSessionRegistry;
  // A signed link to one of the reply's files, minted for this send: relative to the gateway for a visitor's browser
  // (the widget knows the gateway), absolute from PUBLIC_URL for a provider or the association's app. It expires
  // (WEBCHAT_ATTACHMENT_LINK_SECONDS, REPLY_ATTACHMENT_LINK_SECONDS); the stored message keeps a bare path.
  attachmentLink(attachment: OutboundAttachment, audience: 'visitor' | 'provider'): AttachmentLink;
  // The file's bytes, for channels whose provider takes an upload rather than fetching a link (Graph media,
  // Telegram's sendPhoto): read at the moment of the send, so a job never carries them. A file that is gone is
  // RECIPIENT_INVALID: the reply fails rather than go out without it.
  attachmentContent(attachment: OutboundAttachment): Promise<OutboundFile>;
}

export interface AttachmentLink {
  url: string;
  expiresAt: Date;
}

export interface RealtimeTransport {
  toWebChatRoom(room: string, event: string, payload: object): void;
}

export interface SendLimits {
  smsMaxParts: number;
}

export interface SendRules {
  // The officer's text as it will reach the beneficiary (SMS parts), for the composer's preview; null when the
  // channel does not count.
  measure(text: string, limits: SendLimits): TextMeasure | null;
  // Problems that refuse a reply before it is queued; field names as the staff API names them (`text`).
  check(text: string, limits: SendLimits, context: SendContext): FieldProblem[];
  // Channels where free text is allowed only for a while after the beneficiary last wrote (WhatsApp's 24-hour
  // customer-service window); absent where replies are always allowed.
  window?(context: SendContext): ReplyWindow;
}

export interface SendContext {
  // The beneficiary's last message on this inbox; null when they never wrote (staff wrote first).
  lastInboundAt: Date | null;
  now: Date;
}

export interface ReplyWindow {
  // Free text may be sent now.
  open: boolean;
  // When free text stops (or stopped) being allowed; null when the beneficiary never wrote.
  closesAt: Date | null;
  // What the officer can still send once it is closed.
  whenClosed: 'template' | 'nothing';
}

export interface TextMeasure {
  sms: SmsLength & { maxParts: number; withinLimit: boolean };
}
