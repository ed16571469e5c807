import { signTwilioRequest } from '@app/channels';
import { normaliseText, signBody, UNSAFE_TEXT } from '@app/common';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { parse as parseQueryString } from 'node:querystring';
import { createTwilioInbox, TwilioTestInbox } from '../support/twilio-inbox.helper';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { WebChatVisitor } from '../support/webchat-visitor';

// Property-based fuzzing of every webhook, web chat socket event and staff route body (issue 8): whatever
// arrives, the gateway answers within a bound and never with a 5xx, every message it acknowledged is applied,
// and no stored text holds NUL, a lone surrogate or a bidi override. Runs are bounded per route (FUZZ_RUNS) and
// in time, so the suite fits CI; a failure prints fast-check's seed and path, and FUZZ_SEED replays it.
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = process.env.FUZZ_SEED === undefined ? Date.now() ^ (Math.random() * 0x100000000) : Number(process.env.FUZZ_SEED);
// Per route; a longer campaign raises both (FUZZ_RUNS=2000 FUZZ_SECONDS=60).
const TIME_LIMIT_MILLISECONDS = Number(process.env.FUZZ_SECONDS ?? 5) * 1_000;
const ANSWER_TIMEOUT_MILLISECONDS = 5_000;
const SITE = 'https://www.example.org';

// The characters the fuzzing found trouble with, mixed with ordinary Arabic and Latin text.
const nastyCharacter = fc.oneof(
  fc.constantFrom('\u0000', '\uD800', '\uDC00', '\u202E', '\u202D', '\u2066', '\u2069', '\u0007', '\u001B', '\u007F', '\u0085'),
  fc.constantFrom('\r', '\n', '\t', ' ', 'ـ', 'أ', 'ة', '٣', '😀', '\u200F', '%', '\\', '"', '<', '&', 'constructor'),
  fc.string({ unit: 'binary', maxLength: 1 }),
);
const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: nastyCharacter, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: nastyCharacter, minLength: 1_000, maxLength: 12_000 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', ' ', 'مرحبا', 'javascript:alert(1)', 'file:///etc/passwd', 'http://127.0.0.1/', '0'.repeat(300)),
  },
);
const nastyKey = fc.oneof(nastyString, fc.constantFrom('constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty'));
const nastyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(nastyKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;
// Deep nesting, built directly: recursion in class-transformer or twilio-node was one of the findings.
const deeplyNested = fc.integer({ min: 40, max: 2_000 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown);
// A field that is mostly well-formed, so that fuzzing also reaches the paths behind validation.
const mostly = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: nastyValue });
const arabicText = fc.constantFrom('مرحبا، عندي مشكلة في الطلب', 'شكراً لكم', 'متى موعد الصرف؟ ٣', 'hello');
const text = fc.oneof(arabicText, nastyString);
const saudiMobile = fc.integer({ min: 10_000_000, max: 99_999_999 }).map((digits) => `+9665${digits}`);
const twilioSid = (prefix: string) =>
  fc.uint8Array({ minLength: 16, maxLength: 16 }).map((bytes) => prefix + Buffer.from(bytes).toString('hex'));

interface Answer {
  status: number;
  text: string;
}

async function answerOf(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(ANSWER_TIMEOUT_MILLISECONDS) });
  return { status: response.status, text: await response.text() };
}

// Deep check of a stored value: every string in it (parsed JSON payloads included).
function unsafeStrings(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (UNSAFE_TEXT.test(value)) found.push(JSON.stringify(value).slice(0, 120));
  } else if (Array.isArray(value)) {
    for (const item of value) unsafeStrings(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) unsafeStrings([key, item], found);
  }
  return found;
}

describe(`Input fuzzing of every webhook, socket event and staff route (fast-check seed ${SEED})`, () => {
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let apiInbox: { id: string; secret: string };
  let smsInbox: TwilioTestInbox;
  let voiceInbox: TwilioTestInbox;
  let unifonicInbox: { id: string; secret: string };
  let webChatInbox: { id: string; secret: string };
  let conversationId: string;
  let contactId: string;
  // Edited by the fuzzed staff bodies, so no other test depends on them.
  let editedInboxes: Array<{ id: string }>;
  let editedTeam: { id: string };
  const visitors: WebChatVisitor[] = [];
  // Every acknowledged inbound message, to be found applied at the end.
  const acknowledged: Array<{ inboxId: string; providerMessageId?: string; messageId?: string }> = [];

  // fast-check's report names the seed and the counterexample's path, and shrinks it first.
  // `valid` runs first, so every route is also exercised past its validation whatever the seed.
  async function fuzz<T>(arbitrary: fc.Arbitrary<T>, run: (value: T) => Promise<void>, valid: T[] = []): Promise<void> {
    await fc.assert(fc.asyncProperty(arbitrary, run), {
      examples: valid.map((value) => [value] as [T]),
      numRuns: RUNS,
      seed: SEED,
      interruptAfterTimeLimit: TIME_LIMIT_MILLISECONDS,
      verbose: 1,
    });
  }

  function expectNoServerError(answer: Answer, what: string): void {
    if (answer.status >= 500) throw new Error(`${what} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  }

  beforeAll(async () => {
    wasl = await WaslTestApp.startOnPublicUrl();
    organisation = await wasl.createOrganisation();
    apiInbox = await wasl.createApiInbox(organisation.adminToken);
    smsInbox = await createTwilioInbox(wasl, organisation.adminToken, 'sms', 'https://api.twilio.com');
    voiceInbox = await createTwilioInbox(wasl, organisation.adminToken, 'voice', 'https://api.twilio.com', {
      forwardTo: ['+966110000001'],
    });
    const create = async (body: Record<string, unknown>) => {
      const created = await wasl.request<{ id: string; secret: string }>('POST', '/api/v1/inboxes', {
        token: organisation.adminToken,
        body,
      });
      if (created.status !== 201) throw new Error(JSON.stringify(created.body));
      return created.body;
    };
    unifonicInbox = await create({
      channel: 'sms',
      provider: 'unifonic',
      name: `unifonic ${randomUUID().slice(0, 6)}`,
      settings: { appSid: 'fuzz-app-sid', senderId: 'Jameiati', apiBaseUrl: 'https://api.unifonic.com' },
    });
    webChatInbox = await create({ channel: 'webchat', name: `chat ${randomUUID().slice(0, 6)}`, settings: { allowedOrigins: [SITE] } });
    editedInboxes = [
      await create({
        channel: 'sms',
        provider: 'taqnyat',
        name: `edited ${randomUUID().slice(0, 6)}`,
        settings: { apiToken: 't', sender: 'AlBir' },
      }),
      await create({ channel: 'webchat', name: `edited ${randomUUID().slice(0, 6)}`, settings: { allowedOrigins: [SITE] } }),
    ];
    editedTeam = (await wasl.request<{ id: string }>('POST', '/api/v1/teams', { token: organisation.adminToken, body: { name: 'فريق' } }))
      .body;
    const seeded = { messageId: `seed-${randomUUID()}`, from: { id: `seed-${randomUUID()}`, name: 'مستفيد' }, text: 'بداية' };
    expect((await wasl.postSigned(apiInbox, seeded)).status).toBe(202);
    conversationId = await wasl.conversationOfMessage(seeded.messageId);
    const conversation = await wasl.request<{ contact: { id: string } }>('GET', `/api/v1/conversations/${conversationId}`, {
      token: organisation.adminToken,
    });
    contactId = conversation.body.contact.id;
  });

  afterAll(async () => {
    for (const visitor of visitors) visitor.close();
    await wasl.close();
  });

  it('should answer the API channel webhook without a 5xx, whatever the signed body', async () => {
    const body = fc.oneof(
      fc.record(
        {
          messageId: mostly(fc.uuid()),
          from: mostly(
            fc.record({ id: mostly(fc.uuid()), name: nastyValue, phone: nastyValue, email: nastyValue }, { requiredKeys: ['id'] }),
          ),
          text: mostly(text),
          sentAt: nastyValue,
        },
        { requiredKeys: [] },
      ),
      nastyValue,
      deeplyNested,
    );
    await fuzz(
      body,
      async (value) => {
        const raw = JSON.stringify(value) ?? 'null';
        const answer = await answerOf(`${wasl.url}/webhooks/api/${apiInbox.id}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-wasl-signature': signBody(raw, apiInbox.secret) },
          body: raw,
        });
        expectNoServerError(answer, 'POST /webhooks/api');
        const messageId = (value as { messageId?: unknown } | null)?.messageId;
        if (answer.status === 202 && typeof messageId === 'string') {
          acknowledged.push({ inboxId: apiInbox.id, providerMessageId: normaliseText(messageId) });
        }
      },
      [{ messageId: `valid-${randomUUID()}`, from: { id: `user-${randomUUID()}`, name: 'سارة' }, text: 'مرحبا\u0000\u202E' }],
    );
  });

  it('should answer raw, unparsable and oversized bodies without a 5xx', async () => {
    const raw = fc.oneof(
      fc.string({ unit: nastyCharacter, maxLength: 200 }),
      fc.constantFrom('{', '{"a":', '[]', 'null', '"x"', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}'),
    );
    const contentType = fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/vnd.api+json');
    await fuzz(fc.tuple(raw, contentType), async ([body, type]) => {
      for (const path of [`/webhooks/api/${apiInbox.id}/messages`, `/webhooks/twilio/${smsInbox.id}/sms`, '/api/v1/teams']) {
        const answer = await answerOf(`${wasl.url}${path}`, {
          method: 'POST',
          headers: {
            'content-type': type,
            authorization: `Bearer ${organisation.adminToken}`,
            'x-wasl-signature': signBody(body, apiInbox.secret),
          },
          body,
        });
        expectNoServerError(answer, `POST ${path} (${type})`);
      }
    });
  });

  // Twilio signs the parameters it posts, so the signature is computed over what the gateway will parse.
  async function postTwilio(inbox: TwilioTestInbox, path: string, values: Record<string, unknown>): Promise<Answer> {
    const form = new URLSearchParams(
      Object.entries(values).map(([key, value]) => [key, typeof value === 'string' ? value : (JSON.stringify(value) ?? '')]),
    );
    const body = form.toString();
    const signature = signTwilioRequest(inbox.authToken, `${wasl.config.http.publicUrl}${path}`, { ...parseQueryString(body) });
    return answerOf(`${wasl.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body,
    });
  }

  it('should answer Twilio SMS and status webhooks without a 5xx, whatever the signed form', async () => {
    const sms = fc.record(
      {
        MessageSid: mostly(twilioSid('SM')),
        From: mostly(saudiMobile),
        To: nastyString,
        Body: text,
        NumMedia: mostly(fc.constantFrom('0', '1', '2', '11', '-1', '1e3')),
        MediaUrl0: mostly(fc.constantFrom('https://api.twilio.com/2010-04-01/Media/ME1', 'javascript:alert(1)', 'http://10.0.0.1/x')),
        MediaContentType0: mostly(fc.constantFrom('image/jpeg', 'text/html; x')),
        MessageStatus: mostly(fc.constantFrom('delivered', 'failed', 'read', 'sent')),
        ErrorCode: nastyValue,
      },
      { requiredKeys: ['MessageSid'] },
    );
    await fuzz(
      sms,
      async (values) => {
        const answer = await postTwilio(smsInbox, `/webhooks/twilio/${smsInbox.id}/sms`, values);
        expectNoServerError(answer, 'POST twilio sms');
        if (answer.status === 200 && typeof values.MessageSid === 'string') {
          acknowledged.push({ inboxId: smsInbox.id, providerMessageId: values.MessageSid });
        }
        expectNoServerError(await postTwilio(smsInbox, `/webhooks/twilio/${smsInbox.id}/status`, values), 'POST twilio status');
      },
      [{ MessageSid: `SM${randomUUID().replace(/-/g, '')}`, From: '+966500000001', Body: 'مرحبا\u0000' }],
    );
  });

  it('should answer every Twilio voice webhook without a 5xx, whatever the signed form', async () => {
    const call = fc.record(
      {
        CallSid: mostly(twilioSid('CA')),
        From: mostly(saudiMobile),
        To: nastyValue,
        CallStatus: mostly(fc.constantFrom('ringing', 'in-progress', 'completed', 'no-answer', 'busy')),
        CallDuration: mostly(fc.nat({ max: 100_000 }).map(String)),
        DialCallStatus: mostly(fc.constantFrom('completed', 'no-answer', 'busy', 'failed')),
        DialCallDuration: nastyValue,
        RecordingSid: mostly(twilioSid('RE')),
        RecordingUrl: mostly(fc.constantFrom('https://api.twilio.com/2010-04-01/Recordings/RE1', 'file:///etc/passwd', 'http://[::1]/')),
        RecordingDuration: nastyValue,
        TranscriptionSid: mostly(twilioSid('TR')),
        TranscriptionText: text,
        TranscriptionStatus: mostly(fc.constantFrom('completed', 'failed')),
      },
      { requiredKeys: ['CallSid'] },
    );
    const base = `/webhooks/twilio/${voiceInbox.id}/voice`;
    await fuzz(
      call,
      async (values) => {
        const incoming = await postTwilio(voiceInbox, base, values);
        expectNoServerError(incoming, 'POST twilio voice');
        if (incoming.status === 200 && typeof values.CallSid === 'string') {
          acknowledged.push({ inboxId: voiceInbox.id, providerMessageId: values.CallSid });
        }
        for (const step of ['dial-status', 'recording', 'transcription', 'status']) {
          expectNoServerError(await postTwilio(voiceInbox, `${base}/${step}`, values), `POST twilio voice/${step}`);
        }
      },
      [{ CallSid: `CA${randomUUID().replace(/-/g, '')}`, From: '+966500000002', CallStatus: 'ringing' }],
    );
  });

  it('should answer the Unifonic delivery report webhook without a 5xx, form or JSON', async () => {
    const report = fc.record({
      MessageID: mostly(fc.nat().map(String)),
      DLR: mostly(fc.constantFrom('Delivered', 'Undeliverable')),
      DLRTimestamp: nastyValue,
    });
    await fuzz(fc.tuple(report, fc.boolean()), async ([values, asJson]) => {
      const body = asJson
        ? JSON.stringify(values)
        : new URLSearchParams(Object.entries(values).map(([key, value]) => [key, String(JSON.stringify(value) ?? '')])).toString();
      const answer = await answerOf(`${wasl.url}/webhooks/unifonic/${unifonicInbox.id}/delivery-reports?token=${unifonicInbox.secret}`, {
        method: 'POST',
        headers: { 'content-type': asJson ? 'application/json' : 'application/x-www-form-urlencoded' },
        body,
      });
      expectNoServerError(answer, 'POST unifonic delivery report');
    });
  });

  it('should answer every web chat socket event within a bound and never fail unhandled', async () => {
    let current: WebChatVisitor | undefined;
    let sent = 0;
    const visitor = async () => {
      // Under the per-visitor message limit: a new visitor every few messages.
      if (!current || sent % 12 === 0) {
        current = await WebChatVisitor.connect(
          wasl.url,
          { inboxId: webChatInbox.id, profile: { name: 'زائر', phone: `05${10_000_000 + Math.floor(Math.random() * 89_999_999)}` } },
          SITE,
        );
        visitors.push(current);
      }
      sent += 1;
      return current;
    };
    const event = fc.record({
      clientMessageId: mostly(fc.stringMatching(/^[\w-]{1,40}$/)),
      text: mostly(text),
      attachments: fc.oneof(fc.constant(undefined), nastyValue),
      ids: mostly(fc.array(fc.oneof(fc.uuid(), nastyString), { maxLength: 5 })),
      status: mostly(fc.constantFrom('delivered', 'read')),
    });
    await fuzz(
      fc.tuple(
        event,
        fc.oneof(
          event.map((value) => value as unknown),
          nastyValue,
        ),
      ),
      async ([valid, raw]) => {
        const socket = (await visitor()).socket.timeout(ANSWER_TIMEOUT_MILLISECONDS);
        for (const body of [valid, raw]) {
          const ack = (await socket.emitWithAck('message:send', body)) as { id?: string; error?: { code: string } };
          if (ack.id) acknowledged.push({ inboxId: webChatInbox.id, messageId: ack.id });
          else if (!ack.error?.code) throw new Error(`message:send answered ${JSON.stringify(ack)}`);
          await socket.emitWithAck('message:status', body);
          socket.emit('typing', body);
        }
        await socket.emitWithAck('history');
      },
      [
        [
          { clientMessageId: 'valid-1', text: 'سلام\u0000\uD800', attachments: undefined, ids: [], status: 'read' },
          { clientMessageId: 'valid-2', text: 'x' },
        ],
      ],
    );
  });

  async function staff(method: string, path: string, body: unknown, what: string): Promise<void> {
    const raw = JSON.stringify(body) ?? 'null';
    const answer = await answerOf(`${wasl.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${organisation.adminToken}` },
      body: raw,
    });
    expectNoServerError(answer, what);
  }

  it('should answer every staff route body without a 5xx', async () => {
    const body = fc.record(
      {
        name: mostly(text),
        email: mostly(fc.emailAddress()),
        role: mostly(fc.constantFrom('officer', 'admin', 'supervisor')),
        password: nastyValue,
        channel: mostly(fc.constantFrom('api', 'sms', 'webchat', 'voice')),
        provider: nastyValue,
        callbackUrl: mostly(fc.constantFrom('https://example.org/hook', 'http://127.0.0.1:9/', 'javascript:alert(1)')),
        settings: nastyValue,
        text: mostly(text),
        private: nastyValue,
        status: mostly(fc.constantFrom('open', 'pending', 'resolved')),
        priority: nastyValue,
        labels: mostly(fc.array(text, { maxLength: 3 })),
        assigneeId: nastyValue,
        teamId: nastyValue,
        outcome: mostly(fc.constantFrom('answered', 'no-answer')),
        notes: text,
        durationSeconds: nastyValue,
        startedAt: nastyValue,
        inboxId: mostly(fc.constant(apiInbox?.id ?? randomUUID())),
        phone: mostly(saudiMobile),
        sourceContactId: nastyValue,
        mode: mostly(fc.constantFrom('delete', 'anonymise', 'purge')),
        // Never the contact's own id: the erase route is fuzzed up to its confirmation, not through it.
        confirm: mostly(fc.uuid()),
        resolvedConversationMonths: mostly(fc.integer({ min: -5, max: 200 })),
        rawPayloadMonths: nastyValue,
        title: mostly(text),
        kind: mostly(fc.constantFrom('bylaws', 'research_services_guide', 'other')),
        readerRoles: mostly(fc.array(fc.constantFrom('officer', 'researcher', 'admin'), { maxLength: 3 })),
        body: mostly(fc.oneof(text, fc.constantFrom('# عنوان\n- بند {{contact.name}}', '{{contact.phone}} {{'))),
        shortcut: mostly(fc.constantFrom('/شكر', '/thanks', 'شكر', '/')),
        bodyAr: mostly(fc.oneof(text, fc.constantFrom('أهلاً {{contact.name}}', '{{ unknown }}'))),
        bodyEn: nastyValue,
        language: mostly(fc.constantFrom('ar', 'en')),
        active: nastyValue,
        isBranch: nastyValue,
        userId: mostly(fc.uuid()),
        timeZone: mostly(fc.constantFrom('Asia/Riyadh', 'Asia/Nowhere', '')),
        digitStyle: mostly(fc.constantFrom('arabic-indic', 'latin', 'roman')),
      },
      { requiredKeys: [] },
    );
    await fuzz(
      fc.oneof({ weight: 4, arbitrary: body }, { weight: 1, arbitrary: nastyValue }, { weight: 1, arbitrary: deeplyNested }),
      async (value) => {
        await staff('POST', '/api/v1/teams', value, 'POST /teams');
        await staff('POST', '/api/v1/users', value, 'POST /users');
        await staff('POST', '/api/v1/inboxes', value, 'POST /inboxes');
        await staff('POST', `/api/v1/conversations/${conversationId}/messages`, value, 'POST /conversations/:id/messages');
        await staff('POST', `/api/v1/conversations/${conversationId}/messages/preview`, value, 'POST preview');
        await staff('PATCH', `/api/v1/conversations/${conversationId}`, value, 'PATCH /conversations/:id');
        await staff('POST', `/api/v1/conversations/${conversationId}/calls`, value, 'POST /conversations/:id/calls');
        await staff('POST', '/api/v1/outreach/sms', value, 'POST /outreach/sms');
        await staff('POST', `/api/v1/contacts/${contactId}/merge`, value, 'POST /contacts/:id/merge');
        await staff('PATCH', `/api/v1/contacts/${contactId}`, value, 'PATCH /contacts/:id');
        await staff('POST', `/api/v1/contacts/${contactId}/erase`, value, 'POST /contacts/:id/erase');
        await staff('PUT', '/api/v1/admin/retention', value, 'PUT /admin/retention');
        await staff('POST', '/api/v1/knowledge/articles', value, 'POST /knowledge/articles');
        await staff('POST', '/api/v1/canned-replies', value, 'POST /canned-replies');
        await staff('POST', '/api/v1/canned-replies/preview', value, 'POST /canned-replies/preview');
        await staff('POST', '/api/v1/request-types', value, 'POST /request-types');
        await staff('PUT', '/api/v1/request-settings', value, 'PUT /request-settings');
        for (const edited of editedInboxes) await staff('PATCH', `/api/v1/inboxes/${edited.id}`, value, 'PATCH /inboxes/:id');
        await staff('PATCH', `/api/v1/teams/${editedTeam.id}`, value, 'PATCH /teams/:id');
        await staff('POST', `/api/v1/teams/${editedTeam.id}/members`, value, 'POST /teams/:id/members');
        await staff('PATCH', '/api/v1/organisation', value, 'PATCH /organisation');
      },
    );
  });

  it('should answer staff list queries and login without a 5xx, whatever the query string', async () => {
    const query = fc.dictionary(
      fc.constantFrom('q', 'cursor', 'status', 'channel', 'inboxId', 'limit', 'unassigned', 'kind', '__proto__', 'constructor'),
      fc.oneof(
        nastyString,
        fc.string({ unit: nastyCharacter, maxLength: 20 }).map((value) => Buffer.from(value).toString('base64url')),
      ),
      { maxKeys: 4 },
    );
    await fuzz(fc.tuple(query, nastyValue), async ([values, login]) => {
      const search = Object.entries(values)
        .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, ''))}%00%D8`)
        .join('&');
      for (const path of [
        '/api/v1/conversations',
        '/api/v1/contacts',
        '/api/v1/admin/audit-log',
        '/api/v1/admin/failed-jobs',
        '/api/v1/knowledge/search',
      ]) {
        const answer = await answerOf(`${wasl.url}${path}?${search}`, { headers: { authorization: `Bearer ${organisation.adminToken}` } });
        expectNoServerError(answer, `GET ${path}?${search}`);
      }
      const answer = await answerOf(`${wasl.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(login) ?? 'null',
      });
      expectNoServerError(answer, 'POST /auth/login');
    });
  });

  it('should answer knowledge-base uploads without a 5xx, whatever the bytes, name and fields', async () => {
    const upload = fc.record({
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 400 }),
        fc.uint8Array({ maxLength: 400 }).map((rest) => new Uint8Array([...Buffer.from('%PDF-1.7\n'), ...rest])),
        fc
          .uint8Array({ maxLength: 400 })
          .map((rest) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...rest, ...Buffer.from('word/document.xml')])),
      ),
      name: fc.oneof(fc.constantFrom('اللائحة.pdf', 'guide.docx', 'notes.md', 'a.txt', '%E0%A4%A', ''), nastyString),
      title: fc.oneof(arabicText, nastyString),
      kind: fc.oneof(fc.constantFrom('bylaws', 'other'), nastyString),
      readerRoles: fc.oneof(fc.constantFrom('officer', 'officer,researcher', 'admin', ''), nastyString),
    });
    await fuzz(upload, async ({ bytes, name, title, kind, readerRoles }) => {
      const query = new URLSearchParams({ title: title.replace(/[\uD800-\uDFFF]/g, ''), kind, readerRoles });
      const answer = await answerOf(`${wasl.url}/api/v1/knowledge/documents?${query}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          authorization: `Bearer ${organisation.adminToken}`,
          'x-file-name': encodeURIComponent(name.replace(/[\uD800-\uDFFF]/g, '')),
        },
        body: bytes,
      });
      expectNoServerError(answer, `POST /knowledge/documents (${name})`);
    });
  });

  it('should have applied every acknowledged inbound message', async () => {
    for (const expected of acknowledged) {
      await eventually(
        async () => {
          const rows: unknown[] = expected.messageId
            ? await wasl.dataSource.query('SELECT 1 FROM messages WHERE id = $1', [expected.messageId])
            : await wasl.dataSource.query('SELECT 1 FROM messages WHERE inbox_id = $1 AND provider_message_id = $2', [
                expected.inboxId,
                expected.providerMessageId,
              ]);
          return rows.length > 0;
        },
        `acknowledged message ${JSON.stringify(expected)} to be applied`,
        15_000,
      );
    }
    // The fuzzing reached past validation on every inbound channel, not only into refusals.
    expect(new Set(acknowledged.map((expected) => expected.inboxId))).toEqual(
      new Set([apiInbox.id, smsInbox.id, voiceInbox.id, webChatInbox.id]),
    );
  });

  it('should have stored no NUL, lone surrogate or bidi override anywhere', async () => {
    // simple-json columns hold JSON text, where NUL would be escaped: they are checked parsed.
    const query = async (sql: string, jsonColumns: string[] = []) => {
      const rows: Record<string, unknown>[] = await wasl.dataSource.query(sql, [organisation.id]);
      return rows.map((row) => ({
        ...row,
        ...Object.fromEntries(jsonColumns.map((column) => [column, JSON.parse(String(row[column])) as unknown])),
      }));
    };
    const stored = [
      ...(await query('SELECT text, attachments, provider_message_id FROM messages WHERE organisation_id = $1', ['attachments'])),
      ...(await query('SELECT provider_message_id, payload FROM inbound_events WHERE organisation_id = $1', ['payload'])),
      ...(await query('SELECT name, phone, email FROM contacts WHERE organisation_id = $1')),
      ...(await query('SELECT value FROM contact_identities WHERE organisation_id = $1')),
      ...(await query('SELECT labels, last_message_preview FROM conversations WHERE organisation_id = $1', ['labels'])),
      ...(await query('SELECT name FROM teams WHERE organisation_id = $1')),
      ...(await query('SELECT name, email FROM users WHERE organisation_id = $1')),
      ...(await query('SELECT name, settings FROM inboxes WHERE organisation_id = $1', ['settings'])),
      ...(await query(
        'SELECT call_sid, from_number, to_number, status, recording_url, transcription, notes FROM calls WHERE organisation_id = $1',
      )),
      ...(await query('SELECT title, file_name, body, failure_reason FROM knowledge_documents WHERE organisation_id = $1')),
      ...(await query('SELECT heading, text FROM knowledge_passages WHERE organisation_id = $1')),
      ...(await query('SELECT title, shortcut, body_ar, body_en FROM canned_replies WHERE organisation_id = $1')),
    ];
    expect(unsafeStrings(stored)).toEqual([]);
  });
});
