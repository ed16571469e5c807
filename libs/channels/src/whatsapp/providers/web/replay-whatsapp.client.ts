import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { WhatsAppWebClient, WhatsAppWebClientOptions, WhatsAppWebMedia, WhatsAppWebMessage } from './whatsapp-web-client.types';

// A stand-in for whatsapp-web.js's Client at the provider's network end (WHATSAPP_WEB_CLIENT=replay): the same
// events and methods, playing recorded message shapes (__fixtures__) instead of a browser on WhatsApp Web. Its
// session is what a real one is to Wasl: credentials saved to the store once paired, resumed from it on start.
// Clients register on this process's replay network, where a developer's script or a test plays the phone.
export interface ReplayMedia {
  mimetype: string;
  data: string;
  filename?: string;
}

interface StoredReplaySession {
  wid: string;
}

export class ReplayWhatsAppClient extends EventEmitter implements WhatsAppWebClient {
  readonly sent: Array<{ chatId: string; content: string; id: string; media?: { mimetype: string; filename: string; bytes: number } }> = [];
  info?: { wid?: { user?: string; _serialized?: string } };
  qrCount = 0;
  destroyed = false;
  private readonly media = new Map<string, ReplayMedia>();

  constructor(readonly options: WhatsAppWebClientOptions) {
    super();
  }

  async initialize(): Promise<void> {
    REPLAY_WHATSAPP_NETWORK.register(this);
    const stored = await this.options.store.load();
    if (stored) {
      this.info = {
        wid: {
          user: (JSON.parse(stored) as StoredReplaySession).wid,
          _serialized: `${(JSON.parse(stored) as StoredReplaySession).wid}@c.us`,
        },
      };
      setImmediate(() => {
        this.emit('authenticated');
        this.emit('ready');
      });
      return;
    }
    this.showQr();
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
    this.removeAllListeners();
    REPLAY_WHATSAPP_NETWORK.unregister(this);
  }

  async sendMessage(chatId: string, content: string): Promise<WhatsAppWebMessage> {
    return this.deliver(chatId, content);
  }

  async sendMedia(chatId: string, media: WhatsAppWebMedia, caption: string): Promise<WhatsAppWebMessage> {
    return this.deliver(chatId, caption, {
      mimetype: media.mimetype,
      filename: media.filename,
      bytes: Buffer.from(media.data, 'base64').length,
    });
  }

  private deliver(chatId: string, content: string, media?: { mimetype: string; filename: string; bytes: number }): WhatsAppWebMessage {
    if (this.destroyed || !this.info) throw new Error('Session closed');
    const id = `3EB0${randomBytes(8).toString('hex').toUpperCase()}`;
    this.sent.push({ chatId, content, id, ...(media ? { media } : {}) });
    const message = this.message({
      id: { fromMe: true, remote: chatId, id, _serialized: `true_${chatId}_${id}` },
      from: this.info.wid!._serialized!,
      to: chatId,
      body: content,
      type: media ? (media.mimetype.startsWith('image/') ? 'image' : 'document') : 'chat',
    });
    // The phone's acknowledgements follow: server, device, read.
    for (const [index, ack] of [1, 2, 3].entries())
      setTimeout(() => !this.destroyed && this.emit('message_ack', message, ack), 30 * (index + 1));
    return message;
  }

  async getContactLidAndPhone(userIds: string[]): Promise<Array<{ lid: string; pn: string }>> {
    return userIds.map((lid) => ({ lid, pn: REPLAY_WHATSAPP_NETWORK.phoneOfLid(lid) ?? '' }));
  }

  // The phone: a new QR code (WhatsApp rotates them while nobody scans).
  showQr(): void {
    this.qrCount += 1;
    const qr = `2@replay${this.qrCount},${randomBytes(12).toString('base64')},${this.options.clientId}`;
    setImmediate(() => this.emit('qr', qr));
  }

  // The phone scanned the code: the session's credentials are saved, then the client is ready.
  async scan(phoneDigits: string): Promise<void> {
    await this.options.store.save(JSON.stringify({ wid: phoneDigits } satisfies StoredReplaySession));
    this.info = { wid: { user: phoneDigits, _serialized: `${phoneDigits}@c.us` } };
    this.emit('authenticated');
    this.emit('ready');
  }

  // A recorded message shape (a __fixtures__ file), with what differs per play.
  receive(shape: Partial<WhatsAppWebMessage>, media?: ReplayMedia): WhatsAppWebMessage {
    const id = shape.id?.id ?? `3A${randomBytes(9).toString('hex').toUpperCase()}`;
    const from = shape.from ?? '966500000001@c.us';
    const message = this.message({
      ...shape,
      id: shape.id ?? { fromMe: false, remote: from, id, _serialized: `false_${from}_${id}` },
      from,
    });
    if (media) this.media.set(message.id._serialized, media);
    this.emit('message', message);
    return message;
  }

  // The phone was unlinked (Settings > Linked devices > Log out), or the connection dropped.
  disconnectFromPhone(reason: 'LOGOUT' | 'CONFLICT' | 'TIMEOUT' = 'LOGOUT'): void {
    if (reason === 'LOGOUT') void this.options.store.clear();
    this.emit('disconnected', reason);
  }

  private message(shape: Partial<WhatsAppWebMessage>): WhatsAppWebMessage {
    const message = {
      body: '',
      type: 'chat',
      timestamp: Math.floor(Date.now() / 1000),
      hasMedia: false,
      to: this.info?.wid?._serialized ?? '',
      ...shape,
    } as WhatsAppWebMessage;
    message.downloadMedia = async () => this.media.get(message.id._serialized);
    return message;
  }
}

// This process's replay clients by inbox (clientId), newest first: what the "phone" talks to.
class ReplayWhatsAppNetwork {
  private readonly clients = new Map<string, ReplayWhatsAppClient>();
  private readonly lids = new Map<string, string>();

  register(client: ReplayWhatsAppClient): void {
    this.clients.set(client.options.clientId, client);
  }

  unregister(client: ReplayWhatsAppClient): void {
    if (this.clients.get(client.options.clientId) === client) this.clients.delete(client.options.clientId);
  }

  client(clientId: string): ReplayWhatsAppClient | undefined {
    return this.clients.get(clientId);
  }

  // A privacy-preserving @lid sender and the number WhatsApp resolves it to.
  knowLid(lid: string, phoneDigits: string): void {
    this.lids.set(lid, phoneDigits);
  }

  phoneOfLid(lid: string): string | undefined {
    return this.lids.get(lid);
  }
}

export const REPLAY_WHATSAPP_NETWORK = new ReplayWhatsAppNetwork();
