import { UserRole } from '@app/identity';
import { randomUUID } from 'node:crypto';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { createTwilioInbox, postTwilioForm, saudiMobile, TwilioTestInbox } from '../support/twilio-inbox.helper';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface CallItem {
  id: string;
  conversationId: string | null;
  direction: string;
  callSid: string | null;
  from: string;
  status: string;
  missed: boolean;
  durationSeconds: number | null;
  recordingUrl: string | null;
  transcription: string | null;
  notes: string | null;
}
interface ConversationItem {
  id: string;
  channel: string;
  labels: string[];
  contact: { phone: string | null };
}
interface MessageItem {
  type: string;
  text: string;
  attachments: Array<{ url?: string; contentType?: string }>;
}

const MISSED_CALL_LABEL = 'مكالمة فائتة';

describe('Voice through Twilio: calls, missed calls and voicemail, end to end (PostgreSQL + Redis)', () => {
  const sandbox = new ProviderSandbox({ callbackDelayMs: 50 });
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let inbox: TwilioTestInbox;

  beforeAll(async () => {
    await sandbox.start();
    wasl = await WaslTestApp.startOnPublicUrl({ CHANNEL_EVENTS_BACKOFF_MS: '50' });
    organisation = await wasl.createOrganisation();
    inbox = await createTwilioInbox(wasl, organisation.adminToken, 'voice', sandbox.url, {
      forwardTo: ['+966110000001', '+966110000002'],
      greeting: 'مرحباً بكم في جمعية البر، سيتم تحويل مكالمتكم',
    });
  });

  afterAll(async () => {
    await wasl.close();
    await sandbox.stop();
  });

  const voiceUrl = () => `${wasl.url}/webhooks/twilio/${inbox.id}/voice`;
  const get = <T>(path: string) => wasl.request<T>('GET', path, { token: organisation.adminToken });

  async function callOf(callSid: string): Promise<CallItem> {
    const conversationId = await eventually(async () => {
      const rows: Array<{ conversation_id: string | null }> = await wasl.dataSource.query(
        'SELECT conversation_id FROM calls WHERE call_sid = $1',
        [callSid],
      );
      return rows[0]?.conversation_id ?? undefined;
    }, `call ${callSid} to be linked to a conversation`);
    const calls = await get<{ items: CallItem[] }>(`/api/v1/conversations/${conversationId}/calls`);
    return calls.body.items.find((call) => call.callSid === callSid)!;
  }

  it('should greet in Arabic, forward, and turn a missed call with voicemail into a call-back conversation', async () => {
    const caller = saudiMobile('2001');
    const played = await sandbox.playCall({
      voiceUrl: voiceUrl(),
      authToken: inbox.authToken,
      from: caller,
      to: inbox.phoneNumber,
      dialStatus: 'no-answer',
      voicemail: { durationSeconds: 14, transcription: 'أرجو معاودة الاتصال بخصوص طلب الدعم' },
    });
    const [greeting, voicemail, recorded, transcribed] = played.steps;
    expect(played.steps.map((step) => step.status)).toEqual([200, 200, 200, 200]);
    expect(greeting.twiml).toContain('<Say language="ar-SA">مرحباً بكم في جمعية البر، سيتم تحويل مكالمتكم</Say>');
    expect(greeting.twiml).toContain(
      `<Dial action="${wasl.url}/webhooks/twilio/${inbox.id}/voice/dial-status" timeout="20"><Number>+966110000001</Number><Number>+966110000002</Number></Dial>`,
    );
    expect(voicemail.twiml).toMatch(/<Record maxLength="120" playBeep="true" action="[^"]+\/voice\/recording" transcribe="true"/);
    expect(recorded.twiml).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>');
    expect(transcribed.twiml).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');

    const call = await callOf(played.callSid);
    expect(call).toMatchObject({
      direction: 'inbound',
      from: caller,
      status: 'no-answer',
      missed: true,
      transcription: 'أرجو معاودة الاتصال بخصوص طلب الدعم',
    });
    expect(call.recordingUrl).toContain('/Recordings/RE');

    const conversation = await eventually(async () => {
      const found = await get<ConversationItem>(`/api/v1/conversations/${call.conversationId}`);
      return found.body.labels.includes(MISSED_CALL_LABEL) ? found.body : undefined;
    }, 'the missed-call label');
    expect(conversation).toMatchObject({ channel: 'voice', contact: { phone: caller } });
    const messages = await eventually(async () => {
      const found = await get<{ items: MessageItem[] }>(`/api/v1/conversations/${call.conversationId}/messages`);
      return found.body.items.length === 3 ? found.body.items : undefined;
    }, 'call, voicemail and transcription messages');
    expect(messages.map((message) => message.text)).toEqual([
      `مكالمة هاتفية واردة من ${caller}`,
      'رسالة صوتية (14 ث) من مكالمة فائتة، يرجى معاودة الاتصال',
      'نص الرسالة الصوتية: أرجو معاودة الاتصال بخصوص طلب الدعم',
    ]);
    expect(messages[1].attachments).toEqual([expect.objectContaining({ url: call.recordingUrl, contentType: 'audio/x-wav' })]);

    // The officer calls back and logs it: the conversation is no longer waiting for a call-back.
    const logged = await wasl.request<CallItem>('POST', `/api/v1/conversations/${call.conversationId}/calls`, {
      token: organisation.adminToken,
      body: { outcome: 'answered', durationSeconds: 180, notes: 'تم شرح إجراءات لجنة البحث للمستفيد' },
    });
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({ direction: 'outbound', status: 'answered', durationSeconds: 180, from: '', missed: false });
    const after = await get<ConversationItem>(`/api/v1/conversations/${call.conversationId}`);
    expect(after.body.labels).not.toContain(MISSED_CALL_LABEL);
    const calls = await get<{ items: CallItem[] }>(`/api/v1/conversations/${call.conversationId}/calls`);
    expect(calls.body.items.map((item) => item.direction)).toEqual(['inbound', 'outbound']);
  });

  it('should record an answered call with its status and duration and no missed-call label', async () => {
    const caller = saudiMobile('2002');
    const played = await sandbox.playCall({
      voiceUrl: voiceUrl(),
      authToken: inbox.authToken,
      from: caller,
      to: inbox.phoneNumber,
      dialStatus: 'completed',
    });
    expect(played.steps).toHaveLength(2);
    expect(played.steps[1].twiml).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>');
    const status = await postTwilioForm(wasl, `/webhooks/twilio/${inbox.id}/voice/status`, inbox.authToken, {
      CallSid: played.callSid,
      From: caller,
      To: inbox.phoneNumber,
      CallStatus: 'completed',
      CallDuration: '57',
    });
    expect(status.status).toBe(200);
    const call = await eventually(async () => {
      const found = await callOf(played.callSid);
      return found.durationSeconds === 57 ? found : undefined;
    }, 'the final call status');
    expect(call).toMatchObject({ status: 'completed', missed: false });
    const conversation = await get<ConversationItem>(`/api/v1/conversations/${call.conversationId}`);
    expect(conversation.body.labels).toEqual([]);
  });

  it("should send an officer's written reply on a call conversation as an SMS from the voice number", async () => {
    const caller = saudiMobile('2005');
    const played = await sandbox.playCall({ voiceUrl: voiceUrl(), authToken: inbox.authToken, from: caller, to: inbox.phoneNumber });
    const call = await callOf(played.callSid);
    const sent = await wasl.request<{ id: string }>('POST', `/api/v1/conversations/${call.conversationId}/messages`, {
      token: organisation.adminToken,
      body: { text: 'حاولنا الاتصال بكم، يرجى الرد على هذه الرسالة' },
    });
    expect(sent.status).toBe(201);
    await eventually(async () => {
      const found = await get<{ items: Array<{ id: string; status: string | null }> }>(
        `/api/v1/conversations/${call.conversationId}/messages`,
      );
      return found.body.items.find((message) => message.id === sent.body.id && message.status === 'delivered');
    }, 'the SMS reply to be delivered');
    expect(sandbox.messages.find((message) => message.to === caller)).toMatchObject({ from: inbox.phoneNumber, provider: 'twilio' });
  });

  it('should go to voicemail out of working hours and refuse unsigned calls', async () => {
    const closed = await createTwilioInbox(wasl, organisation.adminToken, 'voice', sandbox.url, {
      forwardTo: ['+966110000001'],
      // No working day at all: always closed, whatever the clock says.
      workingHours: { days: [], from: '08:00', to: '16:00' },
    });
    const played = await sandbox.playCall({
      voiceUrl: `${wasl.url}/webhooks/twilio/${closed.id}/voice`,
      authToken: closed.authToken,
      from: saudiMobile('2003'),
      to: closed.phoneNumber,
      voicemail: { durationSeconds: 5 },
    });
    expect(played.steps[0].twiml).toContain('خارج أوقات العمل');
    expect(played.steps[0].twiml).not.toContain('<Dial');
    expect((await callOf(played.callSid)).missed).toBe(true);

    const forged = await postTwilioForm(wasl, `/webhooks/twilio/${inbox.id}/voice`, 'wrong-token', {
      CallSid: `CA${randomUUID().replace(/-/g, '')}`,
      From: saudiMobile('2004'),
      To: inbox.phoneNumber,
    });
    expect(forged.status).toBe(403);
  });

  it('should take the one working-hours shape of every channel, its fields checked at inbox creation', async () => {
    const create = (workingHours: unknown) =>
      wasl.request<{ fields: Array<{ field: string }>; settings: Record<string, unknown> }>('POST', '/api/v1/inboxes', {
        token: organisation.adminToken,
        body: {
          channel: 'voice',
          provider: 'twilio',
          name: `hours ${randomUUID().slice(0, 8)}`,
          settings: { accountSid: `AC${'0'.repeat(32)}`, authToken: 'token', forwardTo: ['+966110000001'], workingHours },
        },
      });
    const unknownZone = await create({ timeZone: 'Asia/Nowhere', days: [0, 1, 2, 3, 4], from: '08:00', to: '16:00' });
    expect(unknownZone.status).toBe(400);
    expect(unknownZone.body.fields.map((field) => field.field)).toEqual(['settings.workingHours.timeZone']);
    const badClock = await create({ days: [7], from: '8:00', to: '24:30' });
    expect(badClock.status).toBe(400);
    expect([...new Set(badClock.body.fields.map((field) => field.field))].sort()).toEqual([
      'settings.workingHours.days',
      'settings.workingHours.from',
      'settings.workingHours.to',
    ]);
    // The former voice-only shape is refused by name rather than ignored.
    const formerShape = await create({ days: [0], opensAt: '08:00', closesAt: '16:00' });
    expect(formerShape.status).toBe(400);
    expect(formerShape.body.fields.map((field) => field.field)).toEqual(
      expect.arrayContaining(['settings.workingHours.opensAt', 'settings.workingHours.closesAt']),
    );
    const nightShift = await create({ timeZone: 'Asia/Riyadh', days: [4], from: '22:00', to: '02:00' });
    expect(nightShift.status).toBe(201);
    expect(nightShift.body.settings.workingHours).toEqual({ timeZone: 'Asia/Riyadh', days: [4], from: '22:00', to: '02:00' });
  });

  it('should validate voice inbox settings and logged calls, and keep call logs to inbox staff', async () => {
    const invalid = await wasl.request<{ fields: Array<{ field: string }> }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: {
        channel: 'voice',
        provider: 'twilio',
        name: 'bad voice',
        settings: { accountSid: 'AC', authToken: 'x', forwardTo: ['0551234567'] },
      },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.fields.map((field) => field.field)).toEqual(expect.arrayContaining(['settings.accountSid', 'settings.forwardTo']));
    const bad = await wasl.request<{ fields: Array<{ field: string }> }>('POST', `/api/v1/conversations/${randomUUID()}/calls`, {
      token: organisation.adminToken,
      body: { outcome: 'maybe' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe('outcome');
    const missing = await wasl.request('POST', `/api/v1/conversations/${randomUUID()}/calls`, {
      token: organisation.adminToken,
      body: { outcome: 'answered' },
    });
    expect(missing.status).toBe(404);
    // The research committee reads decisions, it does not work the phone queue.
    const committee = await wasl.createUser(organisation.adminToken, UserRole.Committee);
    const refused = await wasl.request('POST', `/api/v1/conversations/${randomUUID()}/calls`, {
      token: committee.token,
      body: { outcome: 'answered' },
    });
    expect(refused.status).toBe(403);
  });
});
