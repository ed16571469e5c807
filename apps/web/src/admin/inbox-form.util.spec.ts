import { buildCreateInboxBody, embedSnippetOf, emptyInboxForm, errorFor, fieldErrorsOf, webhookUrlsOf } from './inbox-form.util';

const ID = '6f1c2d3e-0000-4000-8000-000000000001';

describe('inbox form', () => {
  it('should build a web chat body with the lists split, blanks left out and working hours only when enabled', () => {
    const values = { ...emptyInboxForm(), name: ' المحادثة ', allowedOrigins: 'https://a.org\nhttps://b.org, ', greeting: 'أهلاً' };
    expect(buildCreateInboxBody(values)).toEqual({
      channel: 'webchat',
      name: 'المحادثة',
      settings: {
        allowedOrigins: ['https://a.org', 'https://b.org'],
        preChat: { name: 'required', phone: 'required', email: 'optional' },
        greeting: 'أهلاً',
      },
    });
    const withHours = buildCreateInboxBody({ ...values, workingHoursEnabled: true, workingDays: [4, 0], verificationSmsInboxId: ID });
    expect(withHours.settings).toMatchObject({
      workingHours: { timeZone: 'Asia/Riyadh', days: [0, 4], from: '08:00', to: '16:00' },
      phoneVerification: { smsInboxId: ID },
    });
  });

  it('should send only the chosen SMS provider’s settings', () => {
    const values = {
      ...emptyInboxForm(),
      channel: 'sms' as const,
      name: 'SMS',
      smsProvider: 'unifonic' as const,
      appSid: 'x',
      accountSid: 'AC1',
    };
    expect(buildCreateInboxBody(values)).toEqual({ channel: 'sms', name: 'SMS', provider: 'unifonic', settings: { appSid: 'x' } });
    expect(buildCreateInboxBody({ ...values, smsProvider: 'log' }).settings).toEqual({});
  });

  it('should send an API inbox its callback URL and a voice inbox its forwarding numbers', () => {
    expect(buildCreateInboxBody({ ...emptyInboxForm(), channel: 'api', name: 'App', callbackUrl: ' https://x.org/cb ' })).toEqual({
      channel: 'api',
      name: 'App',
      callbackUrl: 'https://x.org/cb',
    });
    const voice = buildCreateInboxBody({ ...emptyInboxForm(), channel: 'voice', name: 'V', forwardTo: '+966500000001\n+966500000002' });
    expect(voice).toMatchObject({ provider: 'twilio', settings: { forwardTo: ['+966500000001', '+966500000002'] } });
  });

  it('should build the webhook URLs each provider needs, with the token where the provider does not sign', () => {
    const origin = 'https://wasl.example.org/';
    expect(webhookUrlsOf(origin, { id: ID, channel: 'sms', provider: 'twilio' }, 's')).toEqual([
      { purpose: 'twilioSms', url: `https://wasl.example.org/webhooks/twilio/${ID}/sms` },
    ]);
    expect(webhookUrlsOf(origin, { id: ID, channel: 'voice', provider: 'twilio' }, 's').map((entry) => entry.url)).toEqual([
      `https://wasl.example.org/webhooks/twilio/${ID}/voice`,
      `https://wasl.example.org/webhooks/twilio/${ID}/voice/status`,
    ]);
    expect(webhookUrlsOf(origin, { id: ID, channel: 'sms', provider: 'unifonic' }, 'a b').map((entry) => entry.url)).toEqual([
      `https://wasl.example.org/webhooks/unifonic/${ID}/sms?token=a%20b`,
      `https://wasl.example.org/webhooks/unifonic/${ID}/delivery-reports?token=a%20b`,
    ]);
    expect(webhookUrlsOf(origin, { id: ID, channel: 'sms', provider: 'taqnyat' }, 'k')[0].url).toBe(
      `https://wasl.example.org/webhooks/taqnyat/${ID}/sms?token=k`,
    );
    expect(webhookUrlsOf(origin, { id: ID, channel: 'sms', provider: 'log' }, 'k')).toEqual([]);
    expect(webhookUrlsOf(origin, { id: ID, channel: 'webchat', provider: null }, 'k')).toEqual([]);
  });

  it('should give the embed snippet of a web chat inbox', () => {
    expect(embedSnippetOf('http://localhost:3000', ID)).toBe(`<script src="http://localhost:3000/widget.js" data-inbox="${ID}"></script>`);
  });

  it('should put each API field problem on its field, and a nested one on the nearest input', () => {
    const errors = fieldErrorsOf([
      { field: 'settings.workingHours.timeZone', message: 'must be an IANA time zone' },
      { field: 'name', message: 'is already used' },
      { field: 'name', message: 'second' },
    ]);
    expect(errors.name).toBe('is already used');
    expect(errorFor(errors, 'settings.workingHours.timeZone')).toBe('must be an IANA time zone');
    expect(errorFor(errors, 'settings.workingHours')).toBe('must be an IANA time zone');
    expect(errorFor(errors, 'callbackUrl')).toBeUndefined();
  });
});
