import { IncomingMessage, ServerResponse } from 'node:http';
import { readRaw, sendJson } from './sandbox-http.util';

// A stand-in for the Telegram Bot API (reference/channels.md §5.3), served by ProviderSandbox at /bot<token>/…:
// setWebhook is recorded per bot, sendMessage accepted like the real API, files served through getFile, and
// updates played into the registered webhook with its secret token. The chat id's last three digits choose:
//   …429  the first two sends answer 429 with retry_after 1, the third is accepted
//   …403  refused: the user blocked the bot (permanent)
export interface TelegramWebhook {
  url: string;
  secretToken: string;
}

export interface TelegramSentMessage {
  botToken: string;
  chatId: string;
  text: string;
  messageId: number;
}

export class TelegramBotSandbox {
  readonly webhooks = new Map<string, TelegramWebhook>();
  readonly sent: TelegramSentMessage[] = [];
  private readonly files = new Map<string, { content: Buffer; mimeType: string; path: string }>();
  private readonly attempts = new Map<string, number>();
  private nextUpdateId = 100_000 + Math.floor(Math.random() * 1_000_000);
  private nextMessageId = 1;

  // Plays a private-chat message from a user into the bot's webhook, `times` deliveries of the same update.
  async playUpdate(input: {
    botToken: string;
    userId: number;
    firstName: string;
    text?: string;
    photo?: { content: Buffer; mimeType: string };
    voice?: { content: Buffer; mimeType: string };
    updateId?: number;
    times?: number;
    concurrently?: boolean;
    secretToken?: string;
  }): Promise<{ updateId: number; statuses: number[] }> {
    const webhook = this.webhooks.get(input.botToken);
    if (!webhook) throw new Error('No webhook set for this bot: Wasl calls setWebhook when the inbox is created');
    const updateId = input.updateId ?? (this.nextUpdateId += 1);
    const message: Record<string, unknown> = {
      message_id: (this.nextMessageId += 1),
      from: { id: input.userId, is_bot: false, first_name: input.firstName, language_code: 'ar' },
      chat: { id: input.userId, first_name: input.firstName, type: 'private' },
      date: Math.floor(Date.now() / 1000),
    };
    if (input.text) message.text = input.text;
    if (input.photo) {
      const id = this.addFile(input.photo, 'photos/file.jpg');
      message.photo = [
        { file_id: `${id}-small`, file_unique_id: 's', width: 90, height: 90 },
        { file_id: id, file_unique_id: 'l', width: 800, height: 800, file_size: input.photo.content.length },
      ];
    }
    if (input.voice) {
      const id = this.addFile(input.voice, 'voice/file.oga');
      message.voice = {
        file_id: id,
        file_unique_id: 'v',
        duration: 3,
        mime_type: input.voice.mimeType,
        file_size: input.voice.content.length,
      };
    }
    const raw = JSON.stringify({ update_id: updateId, message });
    const post = async () => {
      const answer = await fetch(webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': input.secretToken ?? webhook.secretToken },
        body: raw,
      });
      await answer.arrayBuffer();
      return answer.status;
    };
    const times = input.times ?? 1;
    const statuses = input.concurrently
      ? await Promise.all(Array.from({ length: times }, post))
      : await Array.from({ length: times }).reduce<Promise<number[]>>(async (done) => [...(await done), await post()], Promise.resolve([]));
    return { updateId, statuses };
  }

  async handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(path);
    if (request.method === 'GET' && file) {
      const found = [...this.files.values()].find((entry) => entry.path === file[2]);
      if (!found) sendJson(response, 404, { ok: false, error_code: 404, description: 'Not Found' });
      else response.writeHead(200, { 'content-type': found.mimeType }).end(found.content);
      return true;
    }
    const method = /^\/bot(\d{3,20}:[\w-]+)\/(\w+)$/.exec(path);
    if (!method) return false;
    const [, botToken, name] = method;
    const raw = await readRaw(request);
    const multipart = (request.headers['content-type'] ?? '').startsWith('multipart/form-data');
    // sendPhoto and sendDocument upload the file as multipart: its text fields and the file's size are read.
    const body = multipart
      ? Object.fromEntries(
          [...raw.matchAll(/name="(\w+)"(?:; filename="[^"]*")?\r\n(?:content-type: [^\r]+\r\n)?\r\n([^\r]*)/g)].map((field) => [
            field[1],
            field[2],
          ]),
        )
      : (JSON.parse(raw) as Record<string, unknown>);
    if (name === 'setWebhook') {
      this.webhooks.set(botToken, { url: String(body.url), secretToken: String(body.secret_token ?? '') });
      sendJson(response, 200, { ok: true, result: true, description: 'Webhook was set' });
    } else if (name === 'sendMessage') {
      this.sendMessage(botToken, body, response);
    } else if (name === 'sendPhoto' || name === 'sendDocument') {
      const file = name === 'sendPhoto' ? body.photo : body.document;
      if (!file) sendJson(response, 400, { ok: false, error_code: 400, description: 'Bad Request: there is no file in the request' });
      else this.sendMessage(botToken, { chat_id: body.chat_id, text: `[${name}] ${String(body.caption ?? '')}`.trim() }, response);
    } else if (name === 'getFile') {
      const found = this.files.get(String(body.file_id));
      if (!found) sendJson(response, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
      else sendJson(response, 200, { ok: true, result: { file_id: body.file_id, file_size: found.content.length, file_path: found.path } });
    } else {
      sendJson(response, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    }
    return true;
  }

  private sendMessage(botToken: string, body: Record<string, unknown>, response: ServerResponse): void {
    const chatId = String(body.chat_id ?? '');
    const key = `${chatId}\n${String(body.text)}`;
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    if (chatId.endsWith('403'))
      return sendJson(response, 403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    if (chatId.endsWith('429') && attempt <= 2) {
      return sendJson(response, 429, {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 1',
        parameters: { retry_after: 1 },
      });
    }
    if (typeof body.text !== 'string' || !body.text)
      return sendJson(response, 400, { ok: false, error_code: 400, description: 'Bad Request: message text is empty' });
    const sent = { botToken, chatId, text: body.text, messageId: (this.nextMessageId += 1) };
    this.sent.push(sent);
    sendJson(response, 200, {
      ok: true,
      result: {
        message_id: sent.messageId,
        chat: { id: Number(chatId), type: 'private' },
        date: Math.floor(Date.now() / 1000),
        text: sent.text,
      },
    });
  }

  private addFile(file: { content: Buffer; mimeType: string }, path: string): string {
    const id = `AgAC${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
    this.files.set(id, { ...file, path: `${path.split('/')[0]}/${id}-${path.split('/')[1]}` });
    return id;
  }
}
