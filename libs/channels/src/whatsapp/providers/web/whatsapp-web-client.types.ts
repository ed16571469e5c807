// The part of whatsapp-web.js's Client Wasl uses (reference/channels.md §3.1–3.5): the real Client and the replay
// client both have this shape, so the session code cannot tell them apart.
export interface WhatsAppWebClient {
  on(event: 'qr', listener: (qr: string) => void): this;
  on(event: 'ready' | 'authenticated', listener: () => void): this;
  on(event: 'auth_failure', listener: (message: string) => void): this;
  on(event: 'disconnected', listener: (reason: string) => void): this;
  on(event: 'message', listener: (message: WhatsAppWebMessage) => void): this;
  on(event: 'message_ack', listener: (message: WhatsAppWebMessage, ack: number) => void): this;
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  sendMessage(chatId: string, content: string): Promise<WhatsAppWebMessage | undefined>;
  // A file with the reply's text as its caption (whatsapp-web.js: sendMessage with a MessageMedia).
  sendMedia(chatId: string, media: WhatsAppWebMedia, caption: string): Promise<WhatsAppWebMessage | undefined>;
  getContactLidAndPhone?(userIds: string[]): Promise<Array<{ lid: string; pn: string }>>;
  info?: { wid?: { user?: string; _serialized?: string } };
}

// A file as whatsapp-web.js's MessageMedia takes it: the bytes base64-encoded.
export interface WhatsAppWebMedia {
  mimetype: string;
  data: string;
  filename: string;
}

// src/structures/Message.js as Wasl reads it.
export interface WhatsAppWebMessage {
  id: { fromMe: boolean; remote: string; id: string; _serialized: string };
  from: string;
  to: string;
  author?: string;
  body: string;
  type: string;
  timestamp: number;
  hasMedia: boolean;
  isStatus?: boolean;
  broadcast?: boolean;
  fromMe?: boolean;
  location?: { latitude: number | string; longitude: number | string; description?: string };
  vCards?: string[];
  _data?: { notifyName?: string; mimetype?: string; filename?: string; size?: number };
  downloadMedia(): Promise<{ mimetype: string; data: string; filename?: string | null } | undefined | null>;
}

// What a client is built from: the inbox (its clientId), where the browser profile lives while it runs, and the
// session's stored credentials.
export interface WhatsAppWebClientOptions {
  clientId: string;
  executablePath: string;
  proxy?: string;
  workDirectory: string;
  store: { load(): Promise<string | null>; save(data: string): Promise<void>; clear(): Promise<void> };
}
