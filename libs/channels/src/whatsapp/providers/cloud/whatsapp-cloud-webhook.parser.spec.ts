import { ApiException } from '@app/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebhookInbox } from '../../../channel-definition';
import { DeliveryState } from '../../../delivery-status-update.types';
import { verifyGraphChallenge, verifyGraphSignature } from '../../../meta/graph-webhook.util';
import { parseWhatsAppCloudWebhook } from './whatsapp-cloud-webhook.parser';

const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name));
const PHONE_NUMBER_ID = '106540352242922';
const inbox: WebhookInbox = {
  id: 'inbox',
  organisationId: 'organisation',
  provider: 'cloud',
  settings: { phoneNumberId: PHONE_NUMBER_ID },
  secrets: { appSecret: 'test_app_secret', verifyToken: 'meatyhamhock' },
};
const request = (raw: Buffer, signature?: string) => ({
  method: 'POST',
  publicUrl: 'https://gw.example.org/webhooks/whatsapp/inbox',
  headers: signature ? { 'x-hub-signature-256': signature } : {},
  query: {},
  body: JSON.parse(raw.toString('utf8')),
  rawBody: raw,
});

describe(parseWhatsAppCloudWebhook.name, () => {
  it('should verify the documented signature over the raw bytes (reference A5) and refuse one byte changed', () => {
    const raw = fixture('text-message-raw.json');
    expect(() =>
      verifyGraphSignature(request(raw, 'sha256=ded1d1d9621cffa39832ccf2b330fa476b4dc8ec2a5d102e1e554312b3f21d42'), inbox),
    ).not.toThrow();
    const tampered = Buffer.from(raw.toString('utf8').replace('color', 'colour'));
    expect(() =>
      verifyGraphSignature(request(tampered, 'sha256=ded1d1d9621cffa39832ccf2b330fa476b4dc8ec2a5d102e1e554312b3f21d42'), inbox),
    ).toThrow(ApiException);
    expect(() => verifyGraphSignature(request(raw), inbox)).toThrow(ApiException);
  });

  it('should answer the verification GET only with the stored verify token (reference A8)', () => {
    const challenge = (token: string) => ({
      ...request(Buffer.from('{}')),
      method: 'GET',
      query: { 'hub.mode': 'subscribe', 'hub.challenge': '1158201444', 'hub.verify_token': token },
    });
    expect(() => verifyGraphChallenge(challenge('meatyhamhock'), inbox)).not.toThrow();
    expect(() => verifyGraphChallenge(challenge('meatyhamhocks'), inbox)).toThrow(ApiException);
  });

  it('should read a text message as a message from the wa_id as an E.164 phone with the profile name', () => {
    expect(parseWhatsAppCloudWebhook(JSON.parse(fixture('text-message-raw.json').toString()), PHONE_NUMBER_ID)).toEqual([
      {
        type: 'message',
        message: {
          providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
          sender: { phone: '+16505551234', name: 'Sheena Nelson' },
          text: 'Does it come in another color?',
          attachments: [],
          sentAt: '2025-06-08T20:59:43.000Z',
        },
      },
    ]);
  });

  it('should name an image and a voice note by media id for the worker to fetch, with the caption as text', () => {
    const [image] = parseWhatsAppCloudWebhook(JSON.parse(fixture('image-message.json').toString()), PHONE_NUMBER_ID);
    expect(image).toMatchObject({
      message: { text: 'Taj Mahal', attachments: [{ providerMediaId: '1003383421387256', contentType: 'image/jpeg' }] },
    });
    const [voice] = parseWhatsAppCloudWebhook(JSON.parse(fixture('voice-message.json').toString()), PHONE_NUMBER_ID);
    expect(voice).toMatchObject({
      message: {
        sender: { phone: '+966500000001', name: 'محمد' },
        text: '',
        attachments: [{ providerMediaId: '2003383421387256', contentType: 'audio/ogg', voice: true }],
      },
    });
  });

  it("should ignore another number's notifications of the same business account", () => {
    expect(parseWhatsAppCloudWebhook(JSON.parse(fixture('text-message-raw.json').toString()), '999999999999')).toEqual([]);
  });

  it("should read a failed status with Meta's code and a reason the officer can act on", () => {
    expect(parseWhatsAppCloudWebhook(JSON.parse(fixture('status-failed.json').toString()), PHONE_NUMBER_ID)).toEqual([
      {
        type: 'delivery-status',
        update: {
          providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA',
          state: DeliveryState.Failed,
          errorCode: '131049',
          reason: 'Meta held the message back to protect engagement',
          occurredAt: '2025-06-28T20:34:48.000Z',
        },
      },
    ]);
  });

  it('should read a template status change', () => {
    expect(parseWhatsAppCloudWebhook(JSON.parse(fixture('template-status-rejected.json').toString()), PHONE_NUMBER_ID)).toEqual([
      { type: 'template-status', template: { name: 'request_update', language: 'ar', status: 'rejected', reason: 'INVALID_FORMAT' } },
    ]);
  });

  it('should name the malformed field in a 400', () => {
    const body = JSON.parse(fixture('text-message-raw.json').toString());
    body.entry[0].changes[0].value.messages[0].from = 'not-a-number';
    delete body.entry[0].changes[0].value.messages[0].id;
    try {
      parseWhatsAppCloudWebhook(body, PHONE_NUMBER_ID);
      throw new Error('expected a 400');
    } catch (error) {
      expect((error as ApiException).getResponse()).toMatchObject({
        fields: [{ field: 'entry.0.changes.0.value.messages.0.id', message: 'is required' }],
      });
    }
  });
});
