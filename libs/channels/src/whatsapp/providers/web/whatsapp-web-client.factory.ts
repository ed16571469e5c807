import type { Client, Message } from 'whatsapp-web.js';
import { WhatsAppWebClient, WhatsAppWebClientOptions, WhatsAppWebMedia, WhatsAppWebMessage } from './whatsapp-web-client.types';
import { ReplayWhatsAppClient } from './replay-whatsapp.client';
import { WhatsAppWebRemoteAuthStore } from './whatsapp-web-remote-auth.store';

// RemoteAuth takes at least a minute between backups (its own minimum).
const BACKUP_INTERVAL_MILLISECONDS = 5 * 60_000;

// The client is chosen by configuration (WHATSAPP_WEB_CLIENT): Debian's Chromium driving WhatsApp Web through
// whatsapp-web.js, or the replay client. whatsapp-web.js (and puppeteer under it) is loaded only when a session
// starts, never at boot.
export function createWhatsAppWebClient(kind: 'chromium' | 'replay', options: WhatsAppWebClientOptions): WhatsAppWebClient {
  if (kind === 'replay') return new ReplayWhatsAppClient(options);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client, MessageMedia, RemoteAuth } = require('whatsapp-web.js') as typeof import('whatsapp-web.js');
  const client = new Client({
    authStrategy: new RemoteAuth({
      clientId: options.clientId,
      dataPath: options.workDirectory,
      store: new WhatsAppWebRemoteAuthStore(options.workDirectory, options.store),
      backupSyncIntervalMs: BACKUP_INTERVAL_MILLISECONDS,
    }),
    // No web version is fetched from anywhere: the page WhatsApp serves is used as it is.
    webVersionCache: { type: 'none' },
    puppeteer: {
      executablePath: options.executablePath,
      headless: true,
      // Root in a container has no user namespace for Chromium's sandbox (reference/channels.md §3.6).
      args: [
        '--no-sandbox',
        '--disable-setuid-sandbox',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        ...(options.proxy ? [`--proxy-server=${options.proxy}`] : []),
      ],
    },
  });
  return Object.assign(client, {
    // Photos go as photos; anything else as a document, so WhatsApp keeps its name and does not recompress it.
    sendMedia: (chatId: string, media: WhatsAppWebMedia, caption: string) =>
      (client as Client).sendMessage(chatId, new MessageMedia(media.mimetype, media.data, media.filename), {
        caption: caption || undefined,
        sendMediaAsDocument: !media.mimetype.startsWith('image/'),
      }) as Promise<Message> as unknown as Promise<WhatsAppWebMessage>,
  }) as unknown as WhatsAppWebClient;
}
