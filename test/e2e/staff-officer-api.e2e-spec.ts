import { randomUUID } from 'node:crypto';
import { UserRole } from '@app/identity';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { CallbackServer } from '../support/callback-server';
import { createTwilioInbox, saudiMobile } from '../support/twilio-inbox.helper';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface ListItem {
  id: string;
  unreadCount: number;
  labels: string[];
}

interface MessageItem {
  id: string;
  type: string;
  status: string | null;
  failureReason: string | null;
  attachments: Array<{ url?: string; contentType?: string }>;
}

// The staff API routes behind the web app's officer screens: read markers and unread counts, labels one at a time and
// as a filter, the officer's retry of a failed reply, provider media through the staff download, the directory of
// names, and the language remembered on the user.
describe('Officer tools in the staff API', () => {
  const callbacks = new CallbackServer();
  const sandbox = new ProviderSandbox({ callbackDelayMs: 0 });
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let inbox: { id: string; secret: string };
  let officer: { id: string; token: string };
  let colleague: { id: string; token: string };

  beforeAll(async () => {
    await callbacks.start();
    await sandbox.start();
    wasl = await WaslTestApp.startOnPublicUrl({ OUTBOUND_ATTEMPTS: '1' });
    organisation = await wasl.createOrganisation('جمعية أدوات الموظف');
    officer = await wasl.createUser(organisation.adminToken, UserRole.Officer);
    colleague = await wasl.createUser(organisation.adminToken, UserRole.Officer);
    inbox = await wasl.createApiInbox(organisation.adminToken, callbacks.url);
    const access = await wasl.request('PUT', `/api/v1/inboxes/${inbox.id}/access`, {
      token: organisation.adminToken,
      body: { teamIds: [], userIds: [officer.id, colleague.id] },
    });
    expect(access.status).toBe(200);
  });

  afterAll(async () => {
    await wasl?.close();
    await callbacks.stop();
    await sandbox.stop();
  });

  // Provider message ids are looked up across the shared test database: this run's own, so another suite's
  // `unread-1` is never taken for this one.
  const run = randomUUID().slice(0, 8);
  async function writes(messageId: string, userId: string, text: string): Promise<string> {
    const id = `${messageId}-${run}`;
    expect((await wasl.postSigned(inbox, { messageId: id, from: { id: userId, name: `مستفيد ${userId}` }, text })).status).toBe(202);
    return wasl.conversationOfMessage(id);
  }

  async function listed(token: string, query = ''): Promise<ListItem[]> {
    const list = await wasl.request<{ items: ListItem[] }>('GET', `/api/v1/conversations${query}`, { token });
    expect(list.status).toBe(200);
    return list.body.items;
  }

  it('should count each officer’s unread beneficiary messages until they mark the conversation read', async () => {
    const conversationId = await writes('unread-1', 'u-1', 'السلام عليكم');
    await writes('unread-2', 'u-1', 'هل من جديد؟');
    const unreadOf = async (token: string) => (await listed(token)).find((item) => item.id === conversationId)?.unreadCount;
    expect(await unreadOf(officer.token)).toBe(2);
    const summary = await wasl.request<{ messages: number; conversations: number; more: boolean }>('GET', '/api/v1/conversations/unread', {
      token: officer.token,
    });
    expect(summary.body).toEqual({ messages: 2, conversations: 1, more: false });

    const read = await wasl.request<{ lastReadAt: string }>('POST', `/api/v1/conversations/${conversationId}/read`, {
      token: officer.token,
    });
    expect(read.status).toBe(200);
    expect(await unreadOf(officer.token)).toBe(0);
    // Each officer has their own marker.
    expect(await unreadOf(colleague.token)).toBe(2);
    // A reply and a note are not unread; the beneficiary's next message is.
    await wasl.request('POST', `/api/v1/conversations/${conversationId}/messages`, { token: colleague.token, body: { text: 'أهلاً بك' } });
    await writes('unread-3', 'u-1', 'شكراً');
    expect(await unreadOf(officer.token)).toBe(1);

    // Another organisation's officer, or one outside the inbox's list, gets a 404 like for reading it.
    const outsider = await wasl.createUser(organisation.adminToken, UserRole.Officer);
    expect((await wasl.request('POST', `/api/v1/conversations/${conversationId}/read`, { token: outsider.token })).status).toBe(404);
    const unassignedOnly = await wasl.request<{ messages: number }>('GET', '/api/v1/conversations/unread', { token: outsider.token });
    expect(unassignedOnly.body.messages).toBe(0);
  });

  it('should add and remove labels one at a time, filter the list by one and offer those in use', async () => {
    const conversationId = await writes('label-1', 'u-2', 'أحتاج مساعدة في الإيجار');
    const add = (token: string, label: string) =>
      wasl.request<{ labels: string[] }>('POST', `/api/v1/conversations/${conversationId}/labels`, { token, body: { label } });
    // Two officers labelling at once both count.
    const [first, second] = await Promise.all([add(officer.token, 'مساعدة سكنية'), add(colleague.token, 'عاجل_جداً%')]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const labelled = (await listed(officer.token, '?status=open')).find((item) => item.id === conversationId);
    expect(labelled?.labels.sort()).toEqual(['عاجل_جداً%', 'مساعدة سكنية'].sort());

    // LIKE's % and _ in a label are literal: «عاجل» alone finds nothing.
    expect((await listed(officer.token, `?label=${encodeURIComponent('عاجل_جداً%')}`)).map((item) => item.id)).toEqual([conversationId]);
    expect(await listed(officer.token, `?label=${encodeURIComponent('عاجل')}`)).toEqual([]);
    const labels = await wasl.request<{ items: Array<{ label: string; conversations: number }> }>('GET', '/api/v1/conversations/labels', {
      token: officer.token,
    });
    expect(labels.body.items).toEqual(expect.arrayContaining([{ label: 'مساعدة سكنية', conversations: 1 }]));

    const removed = await wasl.request<{ labels: string[] }>(
      'DELETE',
      `/api/v1/conversations/${conversationId}/labels/${encodeURIComponent('مساعدة سكنية')}`,
      { token: officer.token },
    );
    expect(removed.body.labels).toEqual(['عاجل_جداً%']);
    const events = await wasl.request<Array<{ type: string }>>('GET', `/api/v1/conversations/${conversationId}/events`, {
      token: officer.token,
    });
    expect(events.body.filter((event) => event.type === 'labels_changed')).toHaveLength(3);

    const blank = await add(officer.token, '   ');
    expect(blank.status).toBe(400);
    expect((blank.body as unknown as { fields: Array<{ field: string }> }).fields[0].field).toBe('label');
    expect((await add(officer.token, 'ت'.repeat(51))).status).toBe(400);
  });

  it('should let an officer retry a failed reply once, however often it is clicked, and audit it', async () => {
    const conversationId = await writes('retry-1', 'u-3', 'هل وصل ردكم؟');
    callbacks.script([500]);
    const reply = await wasl.request<MessageItem>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token: officer.token,
      body: { text: 'نعم، وصل طلبك' },
    });
    const messages = () =>
      wasl.request<{ items: MessageItem[] }>('GET', `/api/v1/conversations/${conversationId}/messages`, { token: officer.token });
    const failed = await eventually(
      async () => (await messages()).body.items.find((message) => message.id === reply.body.id && message.status === 'failed'),
      'the reply to fail',
    );
    expect(failed.failureReason).toBeTruthy();

    const retry = () =>
      wasl.request<MessageItem>('POST', `/api/v1/conversations/${conversationId}/messages/${reply.body.id}/retry`, {
        token: officer.token,
      });
    const answers = await Promise.all([retry(), retry(), retry()]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
    await eventually(
      async () => (await messages()).body.items.find((message) => message.id === reply.body.id && message.status === 'sent'),
      'the retried reply to be sent',
    );
    expect(callbacks.forMessage(reply.body.id)).toHaveLength(2);
    // Sent now: nothing more to retry.
    expect((await retry()).status).toBe(409);
    const audit: Array<{ action: string; actor_user_id: string }> = await wasl.dataSource.query(
      "SELECT action, actor_user_id FROM audit_log WHERE organisation_id = $1 AND action = 'message.retried'",
      [organisation.id],
    );
    expect(audit).toEqual([{ action: 'message.retried', actor_user_id: officer.id }]);
    // A note or another conversation's message is not a reply of this conversation.
    const otherConversation = await writes('retry-2', 'u-4', 'سؤال آخر');
    const elsewhere = await wasl.request('POST', `/api/v1/conversations/${otherConversation}/messages/${reply.body.id}/retry`, {
      token: officer.token,
    });
    expect(elsewhere.status).toBe(404);
  });

  it('should play a voicemail kept by the provider through the staff download, audited, with the inbox’s credentials', async () => {
    const voice = await createTwilioInbox(wasl, organisation.adminToken, 'voice', sandbox.url, { forwardTo: ['+966500000001'] });
    const caller = saudiMobile('4321');
    await sandbox.playCall({
      voiceUrl: `${wasl.url}/webhooks/twilio/${voice.id}/voice`,
      authToken: voice.authToken,
      from: caller,
      to: voice.phoneNumber,
      voicemail: { durationSeconds: 1 },
    });
    const voicemail = await eventually(async () => {
      const rows: Array<{ id: string; conversation_id: string }> = await wasl.dataSource.query(
        "SELECT id, conversation_id FROM messages WHERE inbox_id = $1 AND attachments <> '[]'",
        [voice.id],
      );
      return rows[0];
    }, 'the voicemail message');
    const path = `/api/v1/conversations/${voicemail.conversation_id}/messages/${voicemail.id}/attachments/0`;
    const audio = await fetch(`${wasl.url}${path}`, { headers: { authorization: `Bearer ${organisation.adminToken}` } });
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/x-wav');
    expect(audio.headers.get('content-disposition')).toBe('inline');
    expect(
      Buffer.from(await audio.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('RIFF');
    // The officer is not on the voice inbox's list: 404, as for the conversation itself.
    expect((await fetch(`${wasl.url}${path}`, { headers: { authorization: `Bearer ${officer.token}` } })).status).toBe(404);
    expect(
      (await fetch(`${wasl.url}${path.replace(/0$/, '1')}`, { headers: { authorization: `Bearer ${organisation.adminToken}` } })).status,
    ).toBe(404);
    const audit: Array<{ count: string }> = await wasl.dataSource.query(
      "SELECT COUNT(*) AS count FROM audit_log WHERE organisation_id = $1 AND action = 'attachment.downloaded' AND subject_id = $2",
      [organisation.id, voicemail.conversation_id],
    );
    expect(Number(audit[0].count)).toBe(1);
  });

  it('should give officers the names to assign to and the inboxes they may see, and remember each user’s language', async () => {
    const team = await wasl.request<{ id: string }>('POST', '/api/v1/teams', {
      token: organisation.adminToken,
      body: { name: 'فريق الخرج' },
    });
    const directory = await wasl.request<{
      users: Array<{ id: string; name: string; role: string; email?: string }>;
      teams: Array<{ id: string }>;
      inboxes: Array<{ id: string }>;
    }>('GET', '/api/v1/staff-directory', { token: officer.token });
    expect(directory.status).toBe(200);
    expect(directory.body.users.map((user) => user.id)).toEqual(expect.arrayContaining([officer.id, colleague.id, organisation.adminId]));
    expect(directory.body.users.every((user) => user.email === undefined)).toBe(true);
    expect(directory.body.teams.map((entry) => entry.id)).toContain(team.body.id);
    // Only the API inbox's list names the officer; the voice inbox stays out.
    expect(directory.body.inboxes.map((entry) => entry.id)).toEqual([inbox.id]);

    const chosen = await wasl.request<{ locale: string }>('PATCH', '/api/v1/auth/me', { token: officer.token, body: { locale: 'en' } });
    expect(chosen.status).toBe(200);
    expect(chosen.body.locale).toBe('en');
    const me = await wasl.request<{ locale: string }>('GET', '/api/v1/auth/me', { token: officer.token });
    expect(me.body.locale).toBe('en');
    const wrong = await wasl.request<{ fields: Array<{ field: string }> }>('PATCH', '/api/v1/auth/me', {
      token: officer.token,
      body: { locale: 'fr' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields[0].field).toBe('locale');
  });
});
