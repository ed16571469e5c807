import type { ChannelDefinition, SettingsFormField } from './channel-definitions.query';
import {
  buildCreateInboxBody,
  buildUpdateInboxBody,
  embedSnippetOf,
  emptyInboxForm,
  errorFor,
  fieldErrorsOf,
  inboxFormValuesOf,
  kindsOf,
  placeProblems,
  webhookUrlsOf,
  withDefinition,
  WorkingHoursValue,
} from './inbox-form.util';

const ID = '6f1c2d3e-0000-4000-8000-000000000001';
const SMS_INBOX = '6f1c2d3e-0000-4000-8000-000000000002';

function field(name: string, input: SettingsFormField['input'], change: Partial<SettingsFormField> = {}): SettingsFormField {
  return {
    name,
    input,
    required: false,
    group: null,
    label: { ar: name, en: name },
    help: null,
    options: null,
    references: null,
    initial: null,
    maxLength: null,
    minimum: null,
    maximum: null,
    writeOnly: input === 'secret',
    ...change,
  };
}

function definition(kind: string, provider: string | null, fields: SettingsFormField[]): ChannelDefinition {
  return {
    kind: kind as ChannelDefinition['kind'],
    provider,
    title: { ar: provider ?? kind, en: provider ?? kind },
    fields,
    note: null,
    webhooks: null,
    registersWebhook: false,
    attachments: null,
    outreach: null,
    session: false,
  };
}

// The shapes GET /api/v1/channel-definitions answers, cut down to what the form model reads.
const rules = ['required', 'optional', 'hidden'].map((value) => ({ value, label: { ar: value, en: value } }));
const WEB_CHAT = definition('webchat', null, [
  field('allowedOrigins', 'list'),
  field('preChat', 'group'),
  field('preChat.name', 'choice', { group: 'preChat', required: true, options: rules, initial: 'required' }),
  field('preChat.email', 'choice', { group: 'preChat', required: true, options: rules, initial: 'optional' }),
  field('greeting', 'long-text'),
  field('workingHours', 'working-hours'),
  field('phoneVerification', 'group'),
  field('phoneVerification.smsInboxId', 'inbox-reference', { group: 'phoneVerification', references: 'sms' }),
]);
const MSEGAT = definition('sms', 'msegat', [
  field('userName', 'text', { required: true }),
  field('apiKey', 'secret', { required: true }),
  field('userSender', 'text', { required: true }),
  field('apiBaseUrl', 'url'),
]);
const TWILIO = definition('sms', 'twilio', [field('accountSid', 'text', { required: true }), field('authToken', 'secret')]);
const VOICE = definition('voice', 'twilio', [
  field('forwardTo', 'list', { required: true }),
  field('dialTimeoutSeconds', 'number'),
  field('authToken', 'secret', { required: true }),
]);
const API = definition('api', null, [field('callbackUrl', 'url', { required: true })]);
const DEFINITIONS = [API, WEB_CHAT, TWILIO, MSEGAT, VOICE];

describe('inbox form model', () => {
  it('should open on web chat with each field’s initial value, and switch to a provider’s own fields keeping the name', () => {
    expect(kindsOf(DEFINITIONS)).toEqual(['webchat', 'api', 'sms', 'voice']);
    const empty = emptyInboxForm(DEFINITIONS);
    expect(empty).toMatchObject({
      channel: 'webchat',
      provider: null,
      settings: { 'preChat.name': 'required', 'preChat.email': 'optional' },
    });
    expect(empty.settings.workingHours).toEqual({
      enabled: false,
      timeZone: 'Asia/Riyadh',
      days: [0, 1, 2, 3, 4],
      from: '08:00',
      to: '16:00',
    });
    const sms = withDefinition({ ...empty, name: 'رسائل الجوال' }, DEFINITIONS, 'sms');
    // The kind's first provider, then the one chosen.
    expect(sms).toEqual({ channel: 'sms', provider: 'twilio', name: 'رسائل الجوال', settings: { accountSid: '', authToken: '' } });
    expect(withDefinition(sms, DEFINITIONS, 'sms', 'msegat').settings).toEqual({
      userName: '',
      apiKey: '',
      userSender: '',
      apiBaseUrl: '',
    });
  });

  it('should build a Msegat body from its fields only, trimmed, blanks left out for the server’s defaults', () => {
    const values = { ...emptyInboxForm(DEFINITIONS, 'sms', 'msegat'), name: ' مسجات ' };
    values.settings = { ...values.settings, userName: ' albir ', apiKey: 'key-1', userSender: 'AlBir', apiBaseUrl: '  ' };
    expect(buildCreateInboxBody(values, MSEGAT)).toEqual({
      channel: 'sms',
      name: 'مسجات',
      provider: 'msegat',
      settings: { userName: 'albir', apiKey: 'key-1', userSender: 'AlBir' },
    });
  });

  it('should nest grouped fields, split lists, send working hours only when switched on and leave out an empty group', () => {
    const values = { ...emptyInboxForm(DEFINITIONS), name: 'المحادثة' };
    values.settings = { ...values.settings, allowedOrigins: 'https://a.org\nhttps://b.org، ', greeting: 'أهلاً' };
    expect(buildCreateInboxBody(values, WEB_CHAT)).toEqual({
      channel: 'webchat',
      name: 'المحادثة',
      settings: {
        allowedOrigins: ['https://a.org', 'https://b.org'],
        preChat: { name: 'required', email: 'optional' },
        greeting: 'أهلاً',
      },
    });
    values.settings.workingHours = { enabled: true, timeZone: 'Asia/Riyadh', days: [4, 0], from: '09:00', to: '15:00' };
    values.settings['phoneVerification.smsInboxId'] = SMS_INBOX;
    expect(buildCreateInboxBody(values, WEB_CHAT).settings).toMatchObject({
      workingHours: { timeZone: 'Asia/Riyadh', days: [0, 4], from: '09:00', to: '15:00' },
      phoneVerification: { smsInboxId: SMS_INBOX },
    });
  });

  it('should send a number as a number, and what is not one as typed so the server names the field', () => {
    const values = emptyInboxForm(DEFINITIONS, 'voice');
    values.settings = { ...values.settings, forwardTo: '', dialTimeoutSeconds: '25' };
    // A required list is sent even empty, so the server says it is missing rather than the form guessing.
    expect(buildCreateInboxBody(values, VOICE).settings).toEqual({ forwardTo: [], dialTimeoutSeconds: 25 });
    values.settings.dialTimeoutSeconds = '25s';
    expect(buildCreateInboxBody(values, VOICE).settings.dialTimeoutSeconds).toBe('25s');
  });

  it('should fill the edit form from the stored settings and send the same settings back unchanged', () => {
    const settings = {
      allowedOrigins: ['https://a.org', 'https://b.org'],
      preChat: { name: 'optional', email: 'required' },
      greeting: 'أهلاً',
      workingHours: { timeZone: 'Asia/Riyadh', days: [0, 1, 2], from: '09:00', to: '15:00' },
      phoneVerification: { smsInboxId: SMS_INBOX },
      // Kept by web chat as given, though the form does not show it.
      theme: 'dark',
    };
    const values = inboxFormValuesOf({ name: 'المحادثة', channel: 'webchat', provider: null, settings }, WEB_CHAT);
    expect(values.settings).toMatchObject({ allowedOrigins: 'https://a.org\nhttps://b.org', 'preChat.name': 'optional' });
    expect(values.settings.workingHours).toMatchObject({ enabled: true, from: '09:00' });
    expect(buildUpdateInboxBody(values, WEB_CHAT, settings)).toEqual({ name: 'المحادثة', settings });
    values.settings.workingHours = { ...(values.settings.workingHours as WorkingHoursValue), enabled: false };
    expect(buildUpdateInboxBody(values, WEB_CHAT, settings).settings).not.toHaveProperty('workingHours');
  });

  it('should never fill a credential on edit, leave a blank one out (the server keeps it) and send a new one', () => {
    const stored = { forwardTo: ['+966500000001'], dialTimeoutSeconds: 25, workingHours: { timeZone: 'Asia/Riyadh' } };
    const values = inboxFormValuesOf(
      { name: 'الهاتف', channel: 'voice', provider: 'twilio', settings: { ...stored, authToken: 'leaked' } },
      VOICE,
    );
    expect(values.settings.authToken).toBe('');
    expect(values.settings.dialTimeoutSeconds).toBe('25');
    expect(buildUpdateInboxBody(values, VOICE, stored)).toEqual({ name: 'الهاتف', settings: stored });
    values.settings.authToken = 'new-token';
    expect(buildUpdateInboxBody(values, VOICE, stored).settings).toEqual({ ...stored, authToken: 'new-token' });
    // The API channel's callback URL is one of its settings like any other.
    const api = inboxFormValuesOf({ name: 'App', channel: 'api', provider: null, settings: { callbackUrl: 'https://x.org/cb' } }, API);
    expect(buildUpdateInboxBody(api, API, { callbackUrl: 'https://x.org/cb' })).toEqual({
      name: 'App',
      settings: { callbackUrl: 'https://x.org/cb' },
    });
  });

  it('should place each 400 problem under its input: exact, a named object on its first input, a deeper name on its input', () => {
    const inputs = [
      'name',
      'settings.userSender',
      'settings.preChat.name',
      'settings.phoneVerification.smsInboxId',
      'settings.callbackUrl',
    ];
    const errors = fieldErrorsOf([
      { field: 'settings.userSender', message: 'must be a registered sender name' },
      { field: 'settings.preChat', message: 'must be an object' },
      { field: 'settings.phoneVerification.smsInboxId.value', message: 'is not an SMS inbox' },
      { field: 'callbackUrl', message: 'must be a URL address' },
      { field: 'teamId', message: 'is not a team of this organisation' },
      { field: 'name', message: 'is already used' },
      { field: 'name', message: 'second' },
    ]);
    expect(placeProblems(errors, inputs)).toEqual({
      byField: {
        'settings.userSender': 'must be a registered sender name',
        'settings.preChat.name': 'must be an object',
        'settings.phoneVerification.smsInboxId': 'is not an SMS inbox',
        'settings.callbackUrl': 'must be a URL address',
        name: 'is already used',
      },
      unplaced: [['teamId', 'is not a team of this organisation']],
    });
    expect(errorFor(errors, 'settings.preChat')).toBe('must be an object');
  });

  it('should take the webhook URLs the gateway built, with the secret as ?token= where the provider signs nothing', () => {
    const urls = [
      { purpose: 'unifonicSms', url: `https://wasl.example.org/webhooks/unifonic/${ID}/sms`, needsToken: true },
      { purpose: 'twilioSms', url: `https://wasl.example.org/webhooks/twilio/${ID}/sms`, needsToken: false },
    ];
    expect(webhookUrlsOf(urls, 'a b').map((entry) => entry.url)).toEqual([
      `https://wasl.example.org/webhooks/unifonic/${ID}/sms?token=a%20b`,
      `https://wasl.example.org/webhooks/twilio/${ID}/sms`,
    ]);
    expect(webhookUrlsOf(urls, null)[0].url).toBe(`https://wasl.example.org/webhooks/unifonic/${ID}/sms?token=<secret>`);
  });

  it('should give the embed snippet of a web chat inbox', () => {
    expect(embedSnippetOf('http://localhost:3000/', ID)).toBe(`<script src="http://localhost:3000/widget.js" data-inbox="${ID}"></script>`);
  });
});
