import { GuardedHttpClient, GuardedHttpResponse } from '@app/common';
import { DownloadedMedia, OutboundContext } from '../channel-definition';
import { ChannelError, ChannelErrorCode } from '../channel-error';
import { OutboundFile, OutboundMessage, SendResult } from '../channel-message.types';
import { multipartBody } from '../http/multipart-body.util';
import { OutboundChannelAdapter } from '../outbound-channel.adapter';
import { classifyUnansweredRequest } from '../sms/http-failure.classifier';
import { TELEGRAM_DEFAULT_API_BASE_URL } from './telegram-settings.dto';

export interface TelegramCredentials {
  botToken: string;
  apiBaseUrl: string;
  timeoutMs: number;
}

interface BotAnswer<T> {
  ok?: boolean;
  result?: T;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

export function telegramCredentialsFrom(context: Pick<OutboundContext, 'inbox' | 'timeoutMs'>): TelegramCredentials {
  const { settings, secrets } = context.inbox;
  return {
    botToken: secrets.botToken ?? '',
    apiBaseUrl: typeof settings.apiBaseUrl === 'string' ? settings.apiBaseUrl : TELEGRAM_DEFAULT_API_BASE_URL,
    timeoutMs: context.timeoutMs,
  };
}

// The Bot API's failures onto the closed set. Telegram's description is kept only where it names no one.
function botError(status: number, answer: BotAnswer<unknown> | undefined): ChannelError {
  const description = (answer?.description ?? '').toLowerCase();
  const code = answer?.error_code ?? status;
  if (code === 429) {
    return new ChannelError(ChannelErrorCode.RateLimited, 'Telegram asked to slow down (429)', answer?.parameters?.retry_after);
  }
  if (code === 401 || code === 404) return new ChannelError(ChannelErrorCode.AuthInvalid, 'Telegram refused the bot token');
  if (code === 403) return new ChannelError(ChannelErrorCode.RecipientInvalid, 'The beneficiary blocked the bot or never started it');
  if (code === 400 && description.includes('chat not found')) {
    return new ChannelError(ChannelErrorCode.RecipientInvalid, 'Telegram does not know this chat');
  }
  if (code >= 500) return new ChannelError(ChannelErrorCode.Temporary, `Telegram answered HTTP ${status}`);
  return new ChannelError(ChannelErrorCode.Unknown, `Telegram answered ${code}`);
}

// Telegram Bot API: sendMessage to the beneficiary's chat, setWebhook with Wasl's URL and secret token, files by
// getFile. The token is part of every URL, so failure reasons never quote a URL.
export class TelegramBotAdapter implements OutboundChannelAdapter {
  constructor(
    private readonly credentials: TelegramCredentials,
    private readonly http: GuardedHttpClient,
    // The officer's file, read at send time and uploaded: Telegram need not reach the gateway.
    private readonly attachmentContent?: OutboundContext['attachmentContent'],
  ) {}

  async send(message: OutboundMessage): Promise<SendResult> {
    const chatId = message.recipient.externalId;
    if (!chatId) throw new ChannelError(ChannelErrorCode.RecipientInvalid, 'The beneficiary has no Telegram chat with this bot');
    // TELEGRAM_CHANNEL's rule allows one file: a photo or document whose caption is the reply's text.
    const attachment = message.attachments?.[0];
    if (attachment && !this.attachmentContent) throw new ChannelError(ChannelErrorCode.RecipientInvalid, 'Files cannot be read here');
    const file = attachment && this.attachmentContent ? await this.attachmentContent(attachment) : undefined;
    const result = file
      ? await this.upload<{ message_id?: number }>(
          file.contentType.startsWith('image/') ? 'sendPhoto' : 'sendDocument',
          chatId,
          file,
          message.text,
        )
      : await this.call<{ message_id?: number }>('sendMessage', { chat_id: chatId, text: message.text });
    return { providerMessageId: result.message_id === undefined ? undefined : `${chatId}:${result.message_id}`, acceptedAt: new Date() };
  }

  async setWebhook(url: string, secretToken: string): Promise<void> {
    await this.call('setWebhook', { url, secret_token: secretToken, allowed_updates: ['message'], drop_pending_updates: false });
  }

  async download(fileId: string, maxBytes: number): Promise<DownloadedMedia> {
    const file = await this.call<{ file_path?: string; file_size?: number }>('getFile', { file_id: fileId });
    if (typeof file.file_path !== 'string' || !/^[\w./-]{1,300}$/.test(file.file_path) || file.file_path.includes('..')) {
      throw new ChannelError(ChannelErrorCode.Unknown, 'Telegram gave no usable file path');
    }
    if (typeof file.file_size === 'number' && file.file_size > maxBytes) {
      throw new ChannelError(ChannelErrorCode.RecipientInvalid, `The file is larger than ${Math.round(maxBytes / 1048576)} MB`);
    }
    const response = await this.request({
      method: 'GET',
      url: `${this.base()}/file/bot${this.credentials.botToken}/${file.file_path}`,
      maxResponseBytes: maxBytes,
    });
    if (response.status !== 200) throw botError(response.status, undefined);
    const contentType = String(response.headers['content-type'] ?? 'application/octet-stream')
      .split(';')[0]
      .trim();
    return { content: response.body, contentType, fileName: file.file_path.split('/').pop() };
  }

  private base(): string {
    return this.credentials.apiBaseUrl.replace(/\/+$/, '');
  }

  private async call<T>(method: string, body: object): Promise<T> {
    const response = await this.request({
      method: 'POST',
      url: `${this.base()}/bot${this.credentials.botToken}/${method}`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = response.json<BotAnswer<T>>();
    if (response.status !== 200 || answer?.ok !== true) throw botError(response.status, answer);
    return (answer.result ?? {}) as T;
  }

  // sendPhoto or sendDocument: the file uploaded as multipart/form-data with the text as caption.
  private async upload<T>(method: string, chatId: string, file: OutboundFile, caption: string): Promise<T> {
    const field = method === 'sendPhoto' ? 'photo' : 'document';
    const multipart = multipartBody({ chat_id: chatId, ...(caption ? { caption } : {}) }, { field, ...file });
    const response = await this.request({
      method: 'POST',
      url: `${this.base()}/bot${this.credentials.botToken}/${method}`,
      headers: { 'content-type': multipart.contentType },
      body: multipart.body,
    });
    const answer = response.json<BotAnswer<T>>();
    if (response.status !== 200 || answer?.ok !== true) throw botError(response.status, answer);
    return (answer.result ?? {}) as T;
  }

  private async request(input: {
    method: string;
    url: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    maxResponseBytes?: number;
  }) {
    let response: GuardedHttpResponse;
    try {
      response = await this.http.request({ ...input, timeoutMs: this.credentials.timeoutMs });
    } catch (error) {
      throw classifyUnansweredRequest(error, 'The Telegram Bot API');
    }
    return response;
  }
}
