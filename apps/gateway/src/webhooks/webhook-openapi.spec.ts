import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Operation {
  requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: Record<string, unknown> } }> };
}

// The committed document, which openapi-document.spec.ts keeps equal to what the gateway builds.
const document = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'web', 'src', 'api', 'openapi.json'), 'utf8')) as {
  paths: Record<string, { post?: Operation }>;
};

const FORM = 'application/x-www-form-urlencoded';
const JSON_BODY = 'application/json';

// Providers and association developers read the document to know what to send; every webhook says it.
describe('the OpenAPI document of the webhooks', () => {
  it.each([
    ['/webhooks/api/{inboxId}/messages', [JSON_BODY], ['messageId', 'from', 'text']],
    ['/webhooks/twilio/{inboxId}/sms', [FORM], ['MessageSid', 'From']],
    ['/webhooks/twilio/{inboxId}/status', [FORM], ['MessageSid', 'MessageStatus']],
    ['/webhooks/twilio/{inboxId}/voice', [FORM], ['CallSid']],
    ['/webhooks/twilio/{inboxId}/voice/dial-status', [FORM], ['CallSid']],
    ['/webhooks/twilio/{inboxId}/voice/recording', [FORM], ['CallSid', 'RecordingSid', 'RecordingUrl']],
    ['/webhooks/twilio/{inboxId}/voice/transcription', [FORM], ['TranscriptionSid']],
    ['/webhooks/twilio/{inboxId}/voice/status', [FORM], ['CallSid']],
    ['/webhooks/unifonic/{inboxId}/delivery-reports', [FORM, JSON_BODY], ['MessageID', 'DLR']],
    ['/webhooks/unifonic/{inboxId}/sms', [FORM, JSON_BODY], ['MessageID', 'From', 'Body']],
    ['/webhooks/taqnyat/{inboxId}/sms', [JSON_BODY, FORM], ['messageId', 'from', 'body']],
  ])('should document the body of POST %s', (path, contentTypes, required) => {
    const body = document.paths[path]?.post?.requestBody;
    expect(Object.keys(body?.content ?? {}).sort()).toEqual([...contentTypes].sort());
    for (const contentType of contentTypes) {
      const schema = body!.content[contentType].schema;
      expect(schema.required).toEqual(required);
      for (const field of required) expect(schema.properties).toHaveProperty([field]);
    }
  });

  it('should document every webhook route', () => {
    const undocumented = Object.entries(document.paths)
      .filter(([path, item]) => path.startsWith('/webhooks/') && item.post && !item.post.requestBody)
      .map(([path]) => path);
    expect(undocumented).toEqual([]);
  });
});
