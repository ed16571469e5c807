import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ChannelSessionContext, DownloadedMedia, RunningChannelSession } from '../../../channel-definition';
import { ChannelError, ChannelErrorCode } from '../../../channel-error';
import { ChannelEvent } from '../../../channel-event.types';
import { OutboundFile, OutboundMessage, SendResult } from '../../../channel-message.types';
import { whatsAppRecipientOf } from '../../whatsapp-phone.util';
import { createWhatsAppWebClient } from './whatsapp-web-client.factory';
import { WhatsAppWebClient, WhatsAppWebMessage } from './whatsapp-web-client.types';
import { isPersonalChat, parseWhatsAppWebMessage, phoneOfChatId, whatsAppWebAckEvent } from './whatsapp-web-message.parser';

const FIRST_RECONNECT_MILLISECONDS = 1_000;
const MAX_RECONNECT_MILLISECONDS = 60_000;
// Messages received recently, for downloadMedia: whatsapp-web.js fetches a file through the message object.
const RECENT_MESSAGES_KEPT = 500;

// One inbox's whatsapp-web.js session, driven by the worker holding its lease. The client destroys itself on a
// disconnect (reference/channels.md §3.3), so a new one is created with backoff; a logout from the phone ends in
// `logged-out` and a new pairing (a QR code) for the administrator.
export class WhatsAppWebSession implements RunningChannelSession {
  private client?: WhatsAppWebClient;
  private connected = false;
  private stopped = false;
  private attempts = 0;
  private reconnectTimer?: NodeJS.Timeout;
  private readonly recent = new Map<string, WhatsAppWebMessage>();

  constructor(private readonly context: ChannelSessionContext) {}

  async begin(): Promise<void> {
    await this.connect();
  }

  async send(message: OutboundMessage, file?: OutboundFile): Promise<SendResult> {
    const to = whatsAppRecipientOf(message.recipient.phone);
    if (!to) throw new ChannelError(ChannelErrorCode.RecipientInvalid, 'The beneficiary has no WhatsApp number');
    if (!this.client || !this.connected) throw new ChannelError(ChannelErrorCode.Temporary, 'The WhatsApp session is not connected');
    let sent: WhatsAppWebMessage | undefined;
    try {
      sent = file
        ? await this.client.sendMedia(
            `${to}@c.us`,
            { mimetype: file.contentType, data: file.content.toString('base64'), filename: file.fileName },
            message.text,
          )
        : await this.client.sendMessage(`${to}@c.us`, message.text);
    } catch (error) {
      throw new ChannelError(
        ChannelErrorCode.Temporary,
        `WhatsApp Web did not take the message (${(error as Error).message.slice(0, 100)})`,
      );
    }
    return { providerMessageId: sent?.id._serialized.slice(0, 200), acceptedAt: new Date() };
  }

  async downloadMedia(providerMediaId: string, maxBytes: number): Promise<DownloadedMedia> {
    const message = this.recent.get(providerMediaId);
    if (!message) throw new ChannelError(ChannelErrorCode.RecipientInvalid, 'The file is no longer on the paired phone');
    const media = await message.downloadMedia();
    if (!media) throw new ChannelError(ChannelErrorCode.RecipientInvalid, 'WhatsApp no longer has the file');
    const content = Buffer.from(media.data, 'base64');
    if (content.length > maxBytes)
      throw new ChannelError(ChannelErrorCode.RecipientInvalid, `The file is larger than ${Math.round(maxBytes / 1048576)} MB`);
    return { content, contentType: media.mimetype.split(';')[0].trim(), fileName: media.filename ?? undefined };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.connected = false;
    await this.client?.destroy().catch(() => undefined);
    this.client = undefined;
  }

  private async connect(): Promise<void> {
    const workDirectory = join(this.context.options.workDirectory, this.context.inbox.id);
    await mkdir(workDirectory, { recursive: true });
    const client = createWhatsAppWebClient(this.context.options.client, {
      // RemoteAuth accepts only letters, digits, - and _.
      clientId: this.context.inbox.id.replace(/[^\w-]/g, ''),
      executablePath: this.context.options.executablePath,
      proxy: this.context.options.proxy,
      workDirectory,
      store: this.context.store,
    });
    this.client = client;
    client.on('qr', (qr) => void this.report({ state: 'pairing', qr }));
    client.on('ready', () => {
      this.connected = true;
      this.attempts = 0;
      const user = client.info?.wid?.user;
      void this.report({ state: 'connected', phone: user ? `+${user}` : undefined });
    });
    client.on('auth_failure', () => void this.report({ state: 'disconnected', reason: 'WhatsApp refused the stored session' }));
    client.on('disconnected', (reason) => void this.onDisconnected(client, reason));
    client.on('message', (message) => void this.onMessage(client, message));
    client.on('message_ack', (message, ack) => {
      const event = whatsAppWebAckEvent(message, ack);
      if (event) void this.receive([event]);
    });
    try {
      await client.initialize();
    } catch (error) {
      // No route to WhatsApp Web, a browser that would not start: a state for the administrator, never a crash.
      this.connected = false;
      await client.destroy().catch(() => undefined);
      await this.report({
        state: 'disconnected',
        reason: `WhatsApp Web could not be reached (${(error as Error).message.split('\n')[0].slice(0, 120)})`,
      });
      this.scheduleReconnect();
    }
  }

  private async onDisconnected(client: WhatsAppWebClient, reason: string): Promise<void> {
    if (client !== this.client) return;
    this.connected = false;
    await client.destroy().catch(() => undefined);
    if (reason === 'LOGOUT') {
      await this.context.store.clear();
      await this.report({ state: 'logged-out', phone: null, reason: 'The phone unlinked this device; pair it again' });
    } else {
      await this.report({ state: 'disconnected', reason: `WhatsApp Web disconnected (${reason})` });
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const delay = Math.min(FIRST_RECONNECT_MILLISECONDS * 2 ** this.attempts, MAX_RECONNECT_MILLISECONDS);
    this.attempts += 1;
    this.reconnectTimer = setTimeout(() => void (this.stopped ? undefined : this.connect()), delay);
  }

  private async onMessage(client: WhatsAppWebClient, message: WhatsAppWebMessage): Promise<void> {
    if (!isPersonalChat(message)) return;
    let phone = phoneOfChatId(message.from);
    if (!phone && message.from.endsWith('@lid') && client.getContactLidAndPhone) {
      const [resolved] = await client.getContactLidAndPhone([message.from]).catch(() => []);
      phone = resolved?.pn ? phoneOfChatId(resolved.pn.includes('@') ? resolved.pn : `${resolved.pn}@c.us`) : undefined;
    }
    const parsed = parseWhatsAppWebMessage(message, phone);
    if (!parsed) return;
    if (parsed.attachments.length > 0) {
      this.recent.set(message.id._serialized.slice(0, 200), message);
      if (this.recent.size > RECENT_MESSAGES_KEPT) this.recent.delete(this.recent.keys().next().value as string);
    }
    await this.receive([{ type: 'message', message: parsed }]);
  }

  private async receive(events: ChannelEvent[]): Promise<void> {
    await this.context.receive(events).catch(() => undefined);
  }

  private async report(update: Parameters<ChannelSessionContext['report']>[0]): Promise<void> {
    if (!this.stopped) await this.context.report(update).catch(() => undefined);
  }
}
