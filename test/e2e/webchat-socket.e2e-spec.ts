import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { createTwilioInbox, receiveTwilioSms, saudiMobile } from '../support/twilio-inbox.helper';
import { WebChatVisitor } from '../support/webchat-visitor';
import { codeIn } from '../support/verification-code';

interface MessageItem {
  id: string;
  type: string;
  senderUserId: string | null;
  text: string;
  status: string | null;
  attachments: Array<{ url: string; contentType: string }>;
}

const SITE = 'https://www.example.org';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

describe('Web chat over socket.io (/webchat), end to end', () => {
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let inbox: { id: string; secret: string };
  const visitors: WebChatVisitor[] = [];
  const sandbox = new ProviderSandbox({ callbackDelayMs: 0 });
  const sockets: Socket[] = [];

  async function createWebChatInbox(settings: Record<string, unknown> = {}): Promise<{ id: string; secret: string }> {
    const created = await wasl.request<{ id: string; secret: string }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: { channel: 'webchat', name: `محادثة الموقع ${randomUUID().slice(0, 6)}`, settings: { allowedOrigins: [SITE], ...settings } },
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  async function visitor(auth: Record<string, unknown>, url = wasl.url, origin?: string): Promise<WebChatVisitor> {
    const connected = await WebChatVisitor.connect(url, { inboxId: inbox.id, ...auth }, origin);
    visitors.push(connected);
    return connected;
  }

  const mobile = () => `05${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;

  async function conversationOf(messageId: string, app = wasl): Promise<string> {
    return eventually(async () => {
      const rows: { conversation_id: string }[] = await app.dataSource.query('SELECT conversation_id FROM messages WHERE id = $1', [
        messageId,
      ]);
      return rows[0]?.conversation_id;
    }, `message ${messageId} to be stored`);
  }

  async function messagesOf(conversationId: string): Promise<MessageItem[]> {
    const response = await wasl.request<{ items: MessageItem[] }>('GET', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
    });
    return response.body.items;
  }

  async function connectAgent(
    app: WaslTestApp,
  ): Promise<{ socket: Socket; events: Array<{ event: string; payload: { id?: string; text?: string; inboxId?: string } }> }> {
    const socket = io(`${app.url}/agents`, { auth: { token: organisation.adminToken }, transports: ['websocket'], forceNew: true });
    sockets.push(socket);
    const events: Array<{ event: string; payload: { id?: string; text?: string } }> = [];
    socket.onAny((event: string, payload: { id?: string }) => events.push({ event, payload }));
    await new Promise((resolve) => socket.once('ready', resolve));
    return { socket, events };
  }

  beforeAll(async () => {
    await sandbox.start();
    wasl = await WaslTestApp.start();
    organisation = await wasl.createOrganisation();
    inbox = await createWebChatInbox();
  });

  afterAll(async () => {
    for (const item of visitors) item.close();
    for (const socket of sockets) socket.close();
    await wasl.close();
    await sandbox.stop();
  });

  it('should open a session, store a repeated clientMessageId once with the same id, and answer history oldest first', async () => {
    const nora = await visitor({ profile: { name: 'نورة العتيبي', phone: '0551234567' } });
    expect(nora.session).toEqual({ visitorToken: expect.any(String), contactId: expect.any(String) });

    const first = await nora.send('client-1', 'السلام عليكم، أريد الاستفسار عن طلب الدعم');
    const again = await nora.send('client-1', 'السلام عليكم، أريد الاستفسار عن طلب الدعم');
    expect(first.id).toEqual(expect.any(String));
    expect(again).toEqual({ id: first.id });
    const second = await nora.send('client-2', 'رقم الطلب ٤٢');

    const conversationId = await conversationOf(second.id!);
    // What the visitor wrote (the automatic answer Wasl gave while no officer was online is stored too).
    const stored = (await messagesOf(conversationId)).filter((message) => message.type === 'inbound');
    expect(stored.map((message) => [message.id, message.text])).toEqual([
      [first.id, 'السلام عليكم، أريد الاستفسار عن طلب الدعم'],
      [second.id, 'رقم الطلب ٤٢'],
    ]);
    const contact = await wasl.request<{ phone: string; name: string }>('GET', `/api/v1/contacts/${nora.session.contactId}`, {
      token: organisation.adminToken,
    });
    expect(contact.body).toMatchObject({ phone: '+966551234567', name: 'نورة العتيبي' });
    expect((await nora.history()).map((message) => [message.id, message.sender])).toEqual([
      [first.id, 'visitor'],
      [second.id, 'visitor'],
    ]);

    // The same visitor after a reload: the token alone brings back the session and its conversation.
    const reloaded = await visitor({ visitorToken: nora.session.visitorToken });
    expect(reloaded.session).toMatchObject({ contactId: nora.session.contactId, conversationId });
    expect((await reloaded.history()).map((message) => message.id)).toEqual([first.id, second.id]);
  });

  it('should refuse a forged identifierHash and make a signed identifier the same contact on every device', async () => {
    const identifier = `member-${randomUUID()}`;
    const identifierHash = createHmac('sha256', inbox.secret).update(identifier).digest('hex');
    const forged = createHmac('sha256', 'not-the-inbox-secret').update(identifier).digest('hex');

    expect((await WebChatVisitor.refusal(wasl.url, { inboxId: inbox.id, identifier, identifierHash: forged }, SITE))?.code).toBe(
      'IDENTITY_INVALID',
    );
    expect((await WebChatVisitor.refusal(wasl.url, { inboxId: inbox.id, identifier }, SITE))?.code).toBe('IDENTITY_INVALID');

    const laptop = await visitor({ identifier, identifierHash, profile: { name: 'خالد' } });
    const sent = await laptop.send('from-laptop', 'أرسلت من الحاسب');
    await conversationOf(sent.id!);
    const phone = await visitor({ identifier, identifierHash });
    expect(phone.session.contactId).toBe(laptop.session.contactId);
    expect((await phone.history()).map((message) => message.text)).toEqual(['أرسلت من الحاسب']);
  });

  it('should refuse an origin the inbox does not allow, an unknown inbox and a token of another inbox', async () => {
    expect(
      (await WebChatVisitor.refusal(wasl.url, { inboxId: inbox.id, profile: { name: 'س', phone: mobile() } }, 'https://evil.example'))
        ?.code,
    ).toBe('ORIGIN_REFUSED');
    expect((await WebChatVisitor.refusal(wasl.url, { inboxId: randomUUID(), profile: { name: 'س', phone: mobile() } }, SITE))?.code).toBe(
      'INBOX_NOT_FOUND',
    );
    const config = await wasl.request('GET', `/webchat/inboxes/${inbox.id}/config`, { headers: { origin: 'https://evil.example' } });
    expect(config.status).toBe(403);
    const allowed = await wasl.request('GET', `/webchat/inboxes/${inbox.id}/config`, { headers: { origin: SITE } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SITE);

    const other = await createWebChatInbox();
    const elsewhere = await WebChatVisitor.connect(wasl.url, { inboxId: other.id, profile: { name: 'س', phone: mobile() } });
    visitors.push(elsewhere);
    expect((await WebChatVisitor.refusal(wasl.url, { inboxId: inbox.id, visitorToken: elsewhere.session.visitorToken }, SITE))?.code).toBe(
      'TOKEN_INVALID',
    );
    expect(await WebChatVisitor.refusal(wasl.url, { inboxId: inbox.id, profile: { name: 'س' } }, SITE)).toMatchObject({
      code: 'PRE_CHAT_INVALID',
      fields: [{ field: 'phone', message: 'is required' }],
    });
  });

  it('should keep the pre-chat answers of a visitor who reloads before writing', async () => {
    const phone = mobile();
    const first = await visitor({ profile: { name: 'ريما', phone } });
    first.close();
    const reloaded = await visitor({ visitorToken: first.session.visitorToken, profile: { name: 'ريما', phone } });
    const sent = await reloaded.send('after-reload', 'عدت بعد تحديث الصفحة');
    await conversationOf(sent.id!);
    const contact = await wasl.request<{ name: string; phone: string; phoneVerified: boolean }>(
      'GET',
      `/api/v1/contacts/${reloaded.session.contactId}`,
      { token: organisation.adminToken },
    );
    expect(contact.body).toMatchObject({ name: 'ريما', phone: `+966${phone.slice(1)}`, phoneVerified: false });
  });

  it('should store the pre-chat name cleaned of NUL, control characters and bidi overrides', async () => {
    const tricky = await visitor({ profile: { name: 'هند\u0000 \u202Eالعلي\u0007', phone: mobile() } });
    const sent = await tricky.send('clean-1', 'مرحبا');
    await conversationOf(sent.id!);
    const contact = await wasl.request<{ name: string }>('GET', `/api/v1/contacts/${tricky.session.contactId}`, {
      token: organisation.adminToken,
    });
    expect(contact.status).toBe(200);
    expect(contact.body.name).toBe('هند العلي');
  });

  it('should never let a visitor read or acknowledge another visitor’s conversation', async () => {
    const owner = await visitor({ profile: { name: 'صاحب المحادثة', phone: mobile() } });
    const secret = await owner.send('secret-1', 'رقم هويتي 1234567890');
    const conversationId = await conversationOf(secret.id!);
    const reply = await wasl.request<MessageItem>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
      body: { text: 'تم استلام هويتك' },
    });
    await eventually(async () => owner.received.find((message) => message.id === reply.body.id), 'the reply to reach its owner');

    const stranger = await visitor({ profile: { name: 'متطفل', phone: mobile() } });
    // Guessing ids gets nothing: history and status reports are scoped by the signed token, not by ids sent.
    expect(await stranger.history()).toEqual([]);
    expect(await stranger.report([reply.body.id], 'read')).toEqual({ updated: 0 });
    expect(stranger.received).toEqual([]);
    // Nor does a clientMessageId the owner used: it is scoped to the visitor, so this is a new message.
    const sameClientId = await stranger.send('secret-1', 'رسالتي');
    expect(sameClientId.id).not.toBe(secret.id);
    // Nor does claiming the owner's mobile number: a typed number is a claim, so the impostor is a contact of its own.
    const ownerPhone = (
      await wasl.request<{ phone: string }>('GET', `/api/v1/contacts/${owner.session.contactId}`, { token: organisation.adminToken })
    ).body.phone;
    const impostor = await visitor({ profile: { name: 'منتحل', phone: ownerPhone } });
    expect(impostor.session.contactId).not.toBe(owner.session.contactId);
    expect(await impostor.history()).toEqual([]);
    const tampered = `${owner.session.visitorToken.slice(0, -2)}xx`;
    expect((await WebChatVisitor.refusal(wasl.url, { inboxId: inbox.id, visitorToken: tampered }, SITE))?.code).toBe('TOKEN_INVALID');
  });

  it('should keep a typed mobile number a claim until the visitor enters the code sent to it by SMS', async () => {
    const smsInbox = await createTwilioInbox(wasl, organisation.adminToken, 'sms', sandbox.url);
    const refused = await wasl.request<{ fields: Array<{ field: string }> }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: { channel: 'webchat', name: 'تحقق خاطئ', settings: { phoneVerification: { smsInboxId: inbox.id } } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.fields.map((problem) => problem.field)).toEqual(['settings.phoneVerification.smsInboxId']);
    const verifying = await createWebChatInbox({ phoneVerification: { smsInboxId: smsInbox.id } });

    // Sara is known by SMS: the provider asserts her number.
    const saraPhone = saudiMobile('4321');
    const saraId = await receiveTwilioSms(wasl, smsInbox, saraPhone, 'أرسلت طلب الدعم بالرسائل');

    // On web chat, her typed number is only a claim: a contact of its own, marked unverified, until she proves it.
    const sara = await visitor({ inboxId: verifying.id, profile: { name: 'سارة', phone: saraPhone } });
    expect(sara.session.contactId).not.toBe(saraId);
    // Her contact is made by her first message (issue 8), with the number she typed kept as a claim.
    const saraWrote = await sara.send('sara-1', 'أريد متابعة طلبي');
    const claim = await wasl.request<{ phone: string; phoneVerified: boolean }>('GET', `/api/v1/contacts/${sara.session.contactId}`, {
      token: organisation.adminToken,
    });
    expect(claim.body).toMatchObject({ phone: saraPhone, phoneVerified: false });
    const saraConversation = await conversationOf(saraWrote.id!);

    const requested = await sara.socket.timeout(5_000).emitWithAck('verification:request', {});
    expect(requested).toEqual({ sentTo: expect.stringMatching(/^\+9665•+321$/), expiresInSeconds: 600 });
    const sms = await eventually(async () => sandbox.messages.find((message) => message.to === saraPhone), 'the code by SMS');
    expect(sms.from).toBe(smsInbox.phoneNumber);
    const code = codeIn(sms.body);
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await sara.socket.timeout(5_000).emitWithAck('verification:confirm', { code: wrong })).error.code).toBe('CODE_INVALID');
    expect((await sara.socket.timeout(5_000).emitWithAck('verification:confirm', { code: '12' })).error.fields).toEqual([
      { field: 'code', message: expect.any(String) },
    ]);
    const verified = await sara.socket.timeout(5_000).emitWithAck('verification:confirm', { code });
    expect(verified).toMatchObject({ contactId: saraId, visitorToken: expect.any(String), conversationId: saraConversation });
    // The code is good once.
    expect((await sara.socket.timeout(5_000).emitWithAck('verification:confirm', { code })).error.code).toBe('CODE_INVALID');
    const joined = await wasl.request<{ conversations: Array<{ id: string }> }>('GET', `/api/v1/contacts/${saraId}`, {
      token: organisation.adminToken,
    });
    expect(joined.body.conversations.map((conversation) => conversation.id)).toContain(saraConversation);
    const reply = await wasl.request<MessageItem>('POST', `/api/v1/conversations/${saraConversation}/messages`, {
      token: organisation.adminToken,
      body: { text: 'أهلًا سارة، طلبك قيد الدراسة' },
    });
    await eventually(async () => sara.received.find((message) => message.id === reply.body.id), 'the reply to reach verified Sara');
    // Her verified token, alone, brings back the whole history on another device.
    const saraPhoneDevice = await visitor({ inboxId: verifying.id, visitorToken: verified.visitorToken });
    expect(saraPhoneDevice.session.contactId).toBe(saraId);
    expect((await saraPhoneDevice.history()).map((message) => message.id)).toEqual([saraWrote.id, reply.body.id]);

    // Someone else typing Sara's number gets a contact of their own: no history, no replies, no acknowledging hers.
    const impostor = await visitor({ inboxId: verifying.id, profile: { name: 'منتحل', phone: saraPhone } });
    expect(impostor.session.contactId).not.toBe(saraId);
    expect(await impostor.history()).toEqual([]);
    expect(await impostor.report([reply.body.id], 'read')).toEqual({ updated: 0 });
    const impostorWrote = await impostor.send('impostor-1', 'أنا سارة');
    const impostorConversation = await conversationOf(impostorWrote.id!);
    expect(impostorConversation).not.toBe(saraConversation);
    const second = await wasl.request<MessageItem>('POST', `/api/v1/conversations/${saraConversation}/messages`, {
      token: organisation.adminToken,
      body: { text: 'تم تحديد موعد الزيارة' },
    });
    await eventually(async () => saraPhoneDevice.received.find((message) => message.id === second.body.id), 'the second reply');
    expect(impostor.received.map((message) => message.id)).not.toContain(second.body.id);
    expect(impostor.received.map((message) => message.id)).not.toContain(reply.body.id);
    // Five wrong codes end the challenge, even for the right number.
    await impostor.socket.timeout(5_000).emitWithAck('verification:request', {});
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await impostor.socket.timeout(5_000).emitWithAck('verification:confirm', { code: '999999' })).error.code).toBe(
        'CODE_INVALID',
      );
    }
    const lastCode = codeIn(sandbox.messages.filter((message) => message.to === saraPhone).at(-1)!.body);
    expect((await impostor.socket.timeout(5_000).emitWithAck('verification:confirm', { code: lastCode })).error.code).toBe('CODE_INVALID');
  });

  it('should refuse to verify a number where the inbox has no SMS inbox for it', async () => {
    const plain = await visitor({ profile: { name: 'زائر', phone: mobile() } });
    expect((await plain.socket.timeout(5_000).emitWithAck('verification:request', {})).error.code).toBe('VERIFICATION_UNAVAILABLE');
  });

  it('should bring an officer’s reply, typing and read receipt to the visitor, and its read report to the officer', async () => {
    const visitorSocket = await visitor({ profile: { name: 'ريم', phone: mobile() } });
    const sent = await visitorSocket.send('hello', 'مرحبا');
    const conversationId = await conversationOf(sent.id!);

    // Sent as HTTP clients usually do: the JSON content type, and no body at all.
    const typing = await fetch(`${wasl.url}/api/v1/webchat/conversations/${conversationId}/typing`, {
      method: 'POST',
      headers: { authorization: `Bearer ${organisation.adminToken}`, 'content-type': 'application/json' },
    });
    expect(typing.status).toBe(204);
    await eventually(async () => visitorSocket.typing.find((item) => item.sender === 'agent'), 'the typing notice');

    const read = await wasl.request<{ read: number }>('POST', `/api/v1/webchat/conversations/${conversationId}/read`, {
      token: organisation.adminToken,
    });
    expect(read.body).toEqual({ read: 1 });
    await eventually(async () => visitorSocket.statuses.find((item) => item.id === sent.id && item.status === 'read'), 'the read tick');

    const reply = await wasl.request<MessageItem>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
      body: { text: 'أهلًا ريم، كيف نخدمك؟' },
    });
    const received = await eventually(async () => visitorSocket.received.find((message) => message.id === reply.body.id), 'the reply');
    const users = await wasl.request<Array<{ id: string; name: string }>>('GET', '/api/v1/users', { token: organisation.adminToken });
    const officerName = users.body.find((user) => user.id === organisation.adminId)!.name;
    // Live, as in history: the visitor sees who is answering.
    expect(received).toMatchObject({ text: 'أهلًا ريم، كيف نخدمك؟', sender: 'agent', agentName: officerName });
    expect(await visitorSocket.report([reply.body.id], 'read')).toEqual({ updated: 1 });
    const stored = await messagesOf(conversationId);
    expect(stored.find((message) => message.id === reply.body.id)?.status).toBe('read');
    expect(stored.find((message) => message.id === sent.id)?.status).toBe('read');
    // Without an automatic answer that may have been given before the officer connected.
    const history = (await visitorSocket.history()).filter((message) => !message.automatic);
    expect(history.map((message) => [message.sender, message.status])).toEqual([
      ['visitor', 'read'],
      ['agent', 'read'],
    ]);
  });

  it('should answer in Arabic when no officer is online, once', async () => {
    // An association of its own, so officers connected by other tests do not count as online here.
    const quiet = await wasl.createOrganisation('جمعية بلا موظفين متصلين');
    const quietInbox = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
      token: quiet.adminToken,
      body: { channel: 'webchat', name: 'محادثة الموقع', settings: { allowedOrigins: [SITE] } },
    });
    const visitorSocket = await WebChatVisitor.connect(wasl.url, {
      inboxId: quietInbox.body.id,
      profile: { name: 'سعد', phone: mobile() },
    });
    visitors.push(visitorSocket);
    await visitorSocket.send('offline-1', 'هل من أحد؟');
    await visitorSocket.send('offline-2', 'أنتظر الرد');
    const automatic = await eventually(async () => visitorSocket.received.find((message) => message.automatic), 'the auto-reply');
    expect(automatic.text).toContain('لا يوجد موظف علاقات مستفيدين متصل الآن');
    expect(automatic.text).toContain('رقم جوالك');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(visitorSocket.received.filter((message) => message.automatic)).toHaveLength(1);

    // Stored on the conversation under the id the widget has: a reload shows it once, after the visitor's first message,
    // and officers see what the beneficiary was told, written by no officer.
    const history = await eventually(async () => {
      const messages = await visitorSocket.history();
      return messages.some((message) => message.automatic) && messages;
    }, 'the auto-reply to be stored');
    // In the order the visitor saw them: the answer comes after the message that prompted it (and maybe the next).
    expect(history[0]).toMatchObject({ sender: 'visitor', text: 'هل من أحد؟' });
    expect(history.filter((message) => message.automatic)).toEqual([
      expect.objectContaining({ id: automatic.id, text: automatic.text, sender: 'agent', agentName: 'محادثة الموقع' }),
    ]);
    expect(history.filter((message) => message.sender === 'visitor')).toHaveLength(2);
    const [stored] = await wasl.dataSource.query('SELECT type, sender_user_id, status, conversation_id FROM messages WHERE id = $1', [
      automatic.id,
    ]);
    expect(stored).toMatchObject({ type: 'outbound', sender_user_id: null, status: 'delivered' });
    const [conversation] = await wasl.dataSource.query('SELECT first_response_at, waiting_since FROM conversations WHERE id = $1', [
      stored.conversation_id,
    ]);
    expect(conversation.first_response_at).toBeNull();
    expect(conversation.waiting_since).not.toBeNull();

    // The English widget is answered in English.
    const english = await WebChatVisitor.connect(wasl.url, {
      inboxId: quietInbox.body.id,
      locale: 'en',
      profile: { name: 'Sam', phone: mobile() },
    });
    visitors.push(english);
    await english.send('offline-en', 'Is anyone there?');
    const answer = await eventually(async () => english.received.find((message) => message.automatic), 'the English auto-reply');
    expect(answer.text).toContain('No beneficiary relations officer is online right now');
  });

  it('should answer outside working hours even while an officer is connected', async () => {
    await connectAgent(wasl);
    const closed = await createWebChatInbox({ workingHours: { timeZone: 'Asia/Riyadh', days: [], from: '08:00', to: '16:00' } });
    const late = await WebChatVisitor.connect(wasl.url, { inboxId: closed.id, profile: { name: 'ليلى', phone: mobile() } });
    visitors.push(late);
    await late.send('late-1', 'هل أنتم متاحون؟');
    const automatic = await eventually(async () => late.received.find((message) => message.automatic), 'the after-hours reply');
    expect(automatic.text).toContain('خارج أوقات العمل (من 08:00 إلى 16:00)');
  });

  it('should show the visitor typing to officers, not auto-reply while one is connected, and limit a visitor to 20 messages a minute', async () => {
    const agent = await connectAgent(wasl);
    const chatty = await visitor({ profile: { name: 'كثير الكلام', phone: mobile() } });
    chatty.socket.emit('typing', { sender: 'visitor' });
    const typing = await eventually(
      async () => agent.events.find((item) => item.event === 'webchat.typing'),
      'the visitor typing on /agents',
    );
    expect(typing.payload).toMatchObject({ inboxId: inbox.id, contactId: chatty.session.contactId });
    const answers = [];
    for (let index = 0; index < 21; index += 1) answers.push(await chatty.send(`burst-${index}`, `رسالة ${index}`));
    expect(answers.slice(0, 20).every((answer) => answer.id)).toBe(true);
    expect(answers[20].error?.code).toBe('RATE_LIMITED');
    expect(chatty.received.filter((message) => message.automatic)).toEqual([]);
  });

  it('should accept a PNG attachment checked by content, refuse a disguised file, and serve it by signed URL', async () => {
    const sender = await visitor({ profile: { name: 'منى', phone: mobile() } });
    const upload = (body: Buffer, name: string) =>
      fetch(`${wasl.url}/webchat/inboxes/${inbox.id}/attachments`, {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          'x-wasl-visitor-token': sender.session.visitorToken,
          'x-file-name': encodeURIComponent(name),
          origin: SITE,
        },
        body: new Uint8Array(body),
      });
    const disguised = await upload(Buffer.from('<script>alert(1)</script>'), 'صورة.png');
    expect(disguised.status).toBe(400);
    const tooLarge = await upload(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'كبير.png');
    expect(tooLarge.status).toBe(413);
    const accepted = await upload(PNG, 'الهوية.png');
    expect(accepted.status).toBe(201);
    const stored = (await accepted.json()) as { id: string; url: string; contentType: string; fileName: string };
    expect(stored).toMatchObject({ contentType: 'image/png', fileName: 'الهوية.png', sizeBytes: PNG.length });

    const sent = await sender.send('with-file', 'صورة الهوية', [{ id: stored.id, fileName: stored.fileName }]);
    const conversationId = await conversationOf(sent.id!);
    const [message] = await messagesOf(conversationId);
    // The row names the file by its bare path; the upload answered with a link that expires.
    expect(message.attachments).toEqual([expect.objectContaining({ contentType: 'image/png', url: stored.url.split('?')[0] })]);
    const download = await fetch(wasl.url + stored.url);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG);
    expect((await fetch(wasl.url + stored.url.replace(/signature=\w{4}/, 'signature=0000'))).status).toBe(404);

    // Another visitor cannot attach a file that is not theirs.
    const other = await visitor({ profile: { name: 'آخر', phone: mobile() } });
    expect((await other.send('steal', 'x', [{ id: stored.id }])).error?.code).toBe('VALIDATION_FAILED');
  });

  it('should keep a visitor’s session and history across a gateway restart', async () => {
    const before = await WaslTestApp.start({}, wasl.config);
    let token: string;
    let sentId: string;
    try {
      const early = await visitor({ profile: { name: 'قبل إعادة التشغيل', phone: mobile() } }, before.url);
      token = early.session.visitorToken;
      sentId = (await early.send('before-restart', 'كتبت قبل إعادة التشغيل')).id!;
      await conversationOf(sentId);
    } finally {
      await before.close();
    }
    // Tokens are signed with the inbox secret, not held in memory: any later instance accepts them.
    const after = await visitor({ visitorToken: token });
    expect((await after.history()).map((message) => message.id)).toEqual([sentId]);
  });

  it('should let an officer on one gateway instance answer a visitor on another', async () => {
    const second = await WaslTestApp.start({}, wasl.config);
    try {
      const agent = await connectAgent(wasl);
      const remote = await visitor({ profile: { name: 'زائر بعيد', phone: mobile() } }, second.url);
      const sent = await remote.send('remote-1', 'أكتب من الخادم الثاني');
      await eventually(
        async () => agent.events.find((item) => item.event === 'message.created' && item.payload.id === sent.id),
        'the message on /agents of the first instance',
      );
      const conversationId = await conversationOf(sent.id!);
      const reply = await wasl.request<MessageItem>('POST', `/api/v1/conversations/${conversationId}/messages`, {
        token: organisation.adminToken,
        body: { text: 'رد من الخادم الأول' },
      });
      await eventually(async () => remote.received.find((message) => message.id === reply.body.id), 'the reply on the second instance');
    } finally {
      await second.close();
    }
  });
});

describe('Web chat on the embedded SQLite database', () => {
  const directory = mkdtempSync(join(tmpdir(), 'wasl-webchat-sqlite-'));
  let wasl: WaslTestApp;

  beforeAll(async () => {
    wasl = await WaslTestApp.start({ DATABASE_URL: '', SQLITE_PATH: join(directory, 'wasl.sqlite') });
  });

  afterAll(async () => {
    await wasl.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('should chat, reply and keep history exactly as on PostgreSQL', async () => {
    const organisation = await wasl.createOrganisation();
    const inbox = (
      await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
        token: organisation.adminToken,
        body: { channel: 'webchat', name: 'محادثة الموقع', settings: { allowedOrigins: [SITE] } },
      })
    ).body;
    const first = await WebChatVisitor.connect(wasl.url, { inboxId: inbox.id, profile: { name: 'هند', phone: '0559876543' } });
    const sent = await first.send('sqlite-1', 'مرحبا من قاعدة البيانات المضمنة');
    const conversationId = await eventually(async () => {
      const rows: { conversation_id: string }[] = await wasl.dataSource.query('SELECT conversation_id FROM messages WHERE id = ?', [
        sent.id,
      ]);
      return rows[0]?.conversation_id;
    }, 'the stored message');
    const reply = await wasl.request<{ id: string }>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
      body: { text: 'أهلًا هند' },
    });
    await eventually(async () => first.received.find((message) => message.id === reply.body.id), 'the reply');
    first.close();
    const again = await WebChatVisitor.connect(wasl.url, { inboxId: inbox.id, visitorToken: first.session.visitorToken });
    // No officer was online when Hind wrote: the automatic answer she was shown is kept too, marked as such.
    const history = await eventually(async () => {
      const messages = await again.history();
      return messages.length === 3 && messages;
    }, 'the automatic answer to be stored beside the reply');
    expect(history.map((message) => [message.sender, message.automatic === true, message.text])).toEqual([
      ['visitor', false, 'مرحبا من قاعدة البيانات المضمنة'],
      ['agent', true, expect.stringContaining('لا يوجد موظف علاقات مستفيدين متصل الآن')],
      ['agent', false, 'أهلًا هند'],
    ]);
    again.close();
  });
});
