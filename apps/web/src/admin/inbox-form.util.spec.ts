import {
  buildCreateInboxBody,
  buildUpdateInboxBody,
  embedSnippetOf,
  emptyInboxForm,
  errorFor,
  fieldErrorsOf,
  inboxFormValuesOf,
  webhookUrlsOf,
} from './inbox-form.util';

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

  it('should leave a placeholder where the secret goes once it cannot be shown', () => {
    expect(webhookUrlsOf('https://wasl.example.org', { id: ID, channel: 'sms', provider: 'taqnyat' }, null)[0].url).toBe(
      `https://wasl.example.org/webhooks/taqnyat/${ID}/sms?token=<secret>`,
    );
  });

  it('should fill the edit form from the stored settings and send the same settings back unchanged', () => {
    const settings = {
      allowedOrigins: ['https://a.org', 'https://b.org'],
      preChat: { name: 'optional', phone: 'hidden', email: 'required' },
      greeting: 'أهلاً',
      workingHours: { timeZone: 'Asia/Riyadh', days: [0, 1, 2], from: '09:00', to: '15:00' },
      phoneVerification: { smsInboxId: ID },
    };
    const values = inboxFormValuesOf({ name: 'المحادثة', channel: 'webchat', provider: null, settings });
    expect(values).toMatchObject({ allowedOrigins: 'https://a.org\nhttps://b.org', preChatPhone: 'hidden', workingHoursEnabled: true });
    expect(buildUpdateInboxBody(values, settings)).toEqual({ name: 'المحادثة', settings });
    // Turning the working hours off leaves them out of the replaced settings.
    expect(buildUpdateInboxBody({ ...values, workingHoursEnabled: false }, settings).settings).not.toHaveProperty('workingHours');
  });

  it('should leave a blank credential out of an edit (kept by the server) and keep stored keys the form does not show', () => {
    const stored = { accountSid: 'AC1', phoneNumber: '+966110000001', forwardTo: ['+966500000001'], dialTimeoutSeconds: 25 };
    const values = inboxFormValuesOf({ name: 'الهاتف', channel: 'voice', provider: 'twilio', settings: stored });
    expect(values.authToken).toBe('');
    expect(buildUpdateInboxBody(values, stored)).toEqual({ name: 'الهاتف', settings: stored });
    expect(buildUpdateInboxBody({ ...values, authToken: 'new-token' }, stored).settings).toEqual({ ...stored, authToken: 'new-token' });
    const api = inboxFormValuesOf({ name: 'App', channel: 'api', provider: null, settings: { callbackUrl: 'https://x.org/cb' } });
    expect(buildUpdateInboxBody(api, { callbackUrl: 'https://x.org/cb' })).toEqual({ name: 'App', callbackUrl: 'https://x.org/cb' });
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
