// `npm run sandbox -- --port 4010`: the provider sandbox on loopback. Point an inbox at it with
// "apiBaseUrl": "http://127.0.0.1:4010" and watch what would have been sent at GET /sandbox/messages. Wasl refuses
// loopback targets unless it runs with OUTBOUND_ALLOW_PRIVATE_NETWORKS=true.
import { parseArgs } from 'node:util';
import { ProviderSandbox } from './provider-sandbox.server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      'callback-delay-ms': { type: 'string', default: '1000' },
    },
  });
  const sandbox = new ProviderSandbox({ callbackDelayMs: Number(values['callback-delay-ms']) });
  const url = await sandbox.start(Number(values.port), values.host);
  const lines = [
    `Provider sandbox listening on ${url}`,
    `  Twilio Messages API   POST ${url}/2010-04-01/Accounts/<AccountSid>/Messages.json`,
    `  Unifonic send         POST ${url}/rest/SMS/messages`,
    `  Taqnyat send          POST ${url}/v1/messages`,
    `  What was sent         GET  ${url}/sandbox/messages`,
    `  Play an inbound SMS   POST ${url}/sandbox/twilio/inbound-sms {webhookUrl, authToken, from, to, body}`,
    `  Unifonic inbound SMS  POST ${url}/sandbox/unifonic/inbound-sms {webhookUrl, from, to, body, messageId?}`,
    `  Taqnyat inbound SMS   POST ${url}/sandbox/taqnyat/inbound-sms {webhookUrl, from, to, body, messageId?}`,
    `  Play a call           POST ${url}/sandbox/twilio/calls {voiceUrl, authToken, from, to, dialStatus?, voicemail?}`,
    `  Unifonic DLR URL      POST ${url}/sandbox/unifonic/delivery-report-urls {appSid, url}`,
    `  Graph API (WhatsApp)  POST ${url}/v23.0/<phone number id>/messages, GET ${url}/v23.0/<WABA id>/message_templates`,
    `  WhatsApp number       POST ${url}/sandbox/whatsapp/numbers {phoneNumberId, wabaId, appSecret, webhookUrl}`,
    `  Telegram Bot API      POST ${url}/bot<token>/setWebhook|sendMessage|getFile`,
    `  Play a WhatsApp msg   POST ${url}/sandbox/whatsapp/inbound {phoneNumberId, from, name?, text, times?, concurrently?}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => void sandbox.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
