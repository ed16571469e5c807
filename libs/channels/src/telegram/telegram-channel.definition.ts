import { ApiErrorCode, ApiException } from '@app/common';
import { HttpStatus } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { ChannelDefinition, OutboundContext, SendRules, WebhookInbox, WebhookRequest } from '../channel-definition';
import { ChannelKind } from '../channel-kind.enum';
import { JSON_CONTENT_TYPE, RECEIVED_REPLY } from '../webhooks/webhook-schema.util';
import { TelegramBotAdapter, telegramCredentialsFrom } from './telegram-bot.adapter';
import { TELEGRAM_DEFAULT_API_BASE_URL, TELEGRAM_SECRET_FIELDS, TelegramSettingsDto } from './telegram-settings.dto';
import { parseTelegramUpdate } from './telegram-update.parser';
import { TELEGRAM_SETTINGS_FORM } from './telegram-settings-form.constant';

export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token';
// Telegram's own limit for one message's text.
const TELEGRAM_MAX_TEXT = 4096;
// About 30 messages per second per bot overall, 1 per second per chat (reference/channels.md §5.3).
const TELEGRAM_MESSAGES_PER_SECOND = 25;

// setWebhook's secret_token is the inbox secret (64 hex characters: within Telegram's 1-256 of A-Z a-z 0-9 _ -).
function verifySecretToken(request: WebhookRequest, inbox: WebhookInbox): void {
  const header = request.headers[TELEGRAM_SECRET_HEADER];
  const given = typeof header === 'string' ? header : '';
  const expected = inbox.secrets.signingSecret ?? '';
  const same =
    given.length > 0 &&
    Buffer.byteLength(given) === Buffer.byteLength(expected) &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!same) {
    throw new ApiException(
      ApiErrorCode.SignatureInvalid,
      'Missing or wrong X-Telegram-Bot-Api-Secret-Token',
      undefined,
      HttpStatus.FORBIDDEN,
    );
  }
}

const TELEGRAM_SEND_RULES: SendRules = {
  measure: () => null,
  check: (text) =>
    text.length > TELEGRAM_MAX_TEXT ? [{ field: 'text', message: `must be at most ${TELEGRAM_MAX_TEXT} characters on Telegram` }] : [],
};

function adapterOf(context: OutboundContext): TelegramBotAdapter {
  return new TelegramBotAdapter(telegramCredentialsFrom(context), context.http, context.attachmentContent);
}

// A Telegram bot of the association. Wasl registers the inbox's URL and secret with setWebhook (a job after the
// inbox is created); every update carries the secret in a header, checked before the body is read.
export const TELEGRAM_CHANNEL: ChannelDefinition<TelegramSettingsDto> = {
  kind: ChannelKind.Telegram,
  provider: null,
  title: 'Telegram bot',
  settings: TelegramSettingsDto,
  form: TELEGRAM_SETTINGS_FORM,
  secretFields: TELEGRAM_SECRET_FIELDS,
  outboundUrlFields: ['apiBaseUrl'],
  defaultApiBaseUrl: TELEGRAM_DEFAULT_API_BASE_URL,
  // The Telegram user id, per inbox: staff can merge it with the person's other identities.
  asserts: ['external-id'],
  webhooks: {
    prefix: 'telegram',
    routes: [
      {
        method: 'POST',
        path: '',
        summary: 'A Telegram update for the bot (de-duplicated by update_id); registered by Wasl with setWebhook',
        openApi: {
          contentTypes: [JSON_CONTENT_TYPE],
          body: {
            type: 'object',
            required: ['update_id'],
            properties: {
              update_id: { type: 'integer', description: 'The de-duplication key' },
              message: {
                type: 'object',
                description:
                  'message_id, from{id, first_name, last_name}, chat{id, type: private}, date, text or caption, photo[], voice, document, audio, video, location, contact',
              },
            },
          },
          headers: [{ name: 'X-Telegram-Bot-Api-Secret-Token', description: "The inbox secret, as given to setWebhook's secret_token" }],
          response: { status: 200, contentType: JSON_CONTENT_TYPE, description: '{ "received": true }' },
        },
        verify: verifySecretToken,
        handle: (request) => ({ events: parseTelegramUpdate(request.body), reply: RECEIVED_REPLY }),
      },
    ],
  },
  outbound: adapterOf,
  sendRules: TELEGRAM_SEND_RULES,
  // One photo (sendPhoto, PNG or JPEG) or PDF (sendDocument) per message, uploaded with the reply's text as caption.
  // Bots may upload photos up to 10 MB.
  attachments: {
    contentTypes: ['image/png', 'image/jpeg', 'application/pdf'],
    maxCount: 1,
    maxCaptionLength: 1024,
    maxBytes: 10 * 1024 * 1024,
    maxTotalBytes: 10 * 1024 * 1024,
    note: 'Telegram Bot API: one photo or document per message, its caption the reply; photos up to 10 MB',
  },
  receiverDeduplicates: false,
  // A bot cannot write to someone who has not started it.
  outreach: null,
  media: { download: (context, fileId, maxBytes) => adapterOf(context).download(fileId, maxBytes) },
  pacing: () => ({ messagesPerSecond: TELEGRAM_MESSAGES_PER_SECOND }),
  setUp: (context) => adapterOf(context).setWebhook(context.webhookUrl(''), context.inbox.secrets.signingSecret ?? ''),
};
