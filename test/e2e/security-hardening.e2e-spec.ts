import { UserRole } from '@app/identity';
import { JobName, QueueName } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { createTwilioInbox, postTwilioForm, saudiMobile } from '../support/twilio-inbox.helper';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { WebChatVisitor } from '../support/webchat-visitor';

// Issue 8, "Low, but fix": one example per finding, each failing before its fix.
describe('Security hardening (issue 8, low findings), end to end', () => {
  const sandbox = new ProviderSandbox({ callbackDelayMs: 0 });
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;

  beforeAll(async () => {
    await sandbox.start();
    wasl = await WaslTestApp.startOnPublicUrl();
    organisation = await wasl.createOrganisation();
  });

  afterAll(async () => {
    await wasl.close();
    await sandbox.stop();
  });

  describe('security headers, the staff socket’s origins and /docs', () => {
    const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    const expectBaseHeaders = (headers: Headers) => {
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('x-frame-options')).toBe('DENY');
    };

    it('should send CSP, nosniff, Referrer-Policy and no framing on API answers, errors included, and no HSTS over http', async () => {
      for (const answer of [
        await wasl.request('GET', '/health'),
        await wasl.request('GET', '/api/v1/users'),
        await wasl.request('GET', '/api/v1/users', { token: organisation.adminToken }),
        await wasl.request('GET', '/api/v1/no-such-route', { token: organisation.adminToken }),
      ]) {
        expectBaseHeaders(answer.headers);
        expect(answer.headers.get('content-security-policy')).toBe(API_POLICY);
        expect(answer.headers.get('strict-transport-security')).toBeNull();
      }
    });

    it('should keep widget.js loadable by other sites and the demo page working under its own policy', async () => {
      const widget = await fetch(`${wasl.url}/widget.js`, { headers: { origin: 'https://www.example.org' } });
      expect(widget.status).toBe(200);
      expect(widget.headers.get('content-type')).toContain('application/javascript');
      expect(widget.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(widget.headers.get('x-content-type-options')).toBe('nosniff');

      const demo = await fetch(`${wasl.url}/demo?inbox=${randomUUID()}`);
      expect(demo.status).toBe(200);
      const policy = demo.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain('connect-src');
      expect(policy).toContain("frame-ancestors 'none'");
      // The policy allows scripts by URL only: the page has no inline script.
      const html = await demo.text();
      expect(html.match(/<script[^>]*>/g)?.every((tag) => tag.includes('src='))).toBe(true);

      const docs = await fetch(`${wasl.url}/docs`);
      expect(docs.status).toBe(200);
      expect(docs.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect((await docs.text()).match(/<script[^>]*>/g)?.every((tag) => tag.includes('src='))).toBe(true);
    });

    it('should never reflect another site’s origin with credentials, nor let its page open /agents', async () => {
      const evil = 'https://evil.example';
      const polling = await fetch(`${wasl.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: evil } });
      expect(polling.headers.get('access-control-allow-origin')).not.toBe(evil);
      const own = new URL(wasl.config.http.publicUrl).origin;
      const ownPolling = await fetch(`${wasl.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: own } });
      expect(ownPolling.headers.get('access-control-allow-origin')).toBe(own);
      expect(ownPolling.headers.get('access-control-allow-credentials')).toBe('true');

      const connect = (origin: string) =>
        new Promise<string>((resolve) => {
          const socket = io(`${wasl.url}/agents`, {
            auth: { token: organisation.adminToken },
            transports: ['websocket'],
            forceNew: true,
            reconnection: false,
            extraHeaders: { origin },
          });
          socket.once('ready', () => {
            socket.close();
            resolve('ready');
          });
          socket.once('connect_error', (error: Error) => {
            socket.close();
            resolve(`refused: ${error.message}`);
          });
        });
      expect(await connect(evil)).toBe('refused: This origin may not open the staff socket');
      expect(await connect(own)).toBe('ready');
    });
  });

  describe('failed jobs', () => {
    interface FailedJobItem {
      queue: string;
      jobId: string;
      data: { organisationId: string; providerMessageId?: string };
    }

    const failedJobsOf = async (token: string) =>
      (await wasl.request<{ items: FailedJobItem[] }>('GET', '/api/v1/admin/failed-jobs', { token })).body.items;

    // A delivery report for a message nobody sent fails once its single attempt is used.
    const reportFor = (organisationId: string, providerMessageId: string) => ({
      name: JobName.ApplyDeliveryStatus,
      data: { organisationId, inboxId: randomUUID(), providerMessageId, state: 'delivered', receivedAt: new Date().toISOString() },
      opts: { attempts: 1, jobId: `test-${providerMessageId}` },
    });

    it('should list an organisation’s failures however many newer ones another has, and let its admins retry or discard them', async () => {
      const events = wasl.app.get<Queue>(getQueueToken(QueueName.ChannelEvents), { strict: false });
      const quiet = await wasl.createOrganisation('جمعية قليلة الأعطال');
      const busy = await wasl.createOrganisation('جمعية كثيرة الأعطال');
      const quietIds = [`quiet-${randomUUID()}`, `quiet-${randomUUID()}`];
      for (const id of quietIds) await events.add(JobName.ApplyDeliveryStatus, reportFor(quiet.id, id).data, reportFor(quiet.id, id).opts);
      await eventually(async () => (await failedJobsOf(quiet.adminToken)).length === 2, 'the quiet organisation’s two failures');
      // Over a thousand newer failures of another organisation.
      const busyIds = Array.from({ length: 1_050 }, () => `busy-${randomUUID()}`);
      await events.addBulk(busyIds.map((id) => reportFor(busy.id, id)));
      await eventually(async () => (await events.getFailedCount()) >= 1_052, 'the busy organisation’s failures', 60_000);

      const listed = await failedJobsOf(quiet.adminToken);
      expect(listed.map((item) => item.data.providerMessageId).sort()).toEqual([...quietIds].sort());
      expect(listed.every((item) => item.queue === 'channel-events' && item.data.organisationId === quiet.id)).toBe(true);
      expect((await failedJobsOf(busy.adminToken)).length).toBe(200);

      const [first, second] = listed;
      // Another organisation's admin and an officer of this one cannot touch them.
      expect(
        (await wasl.request('POST', `/api/v1/admin/failed-jobs/channel-events/${first.jobId}/retry`, { token: busy.adminToken })).status,
      ).toBe(404);
      const officer = await wasl.createUser(quiet.adminToken, UserRole.Officer);
      expect(
        (await wasl.request('DELETE', `/api/v1/admin/failed-jobs/channel-events/${first.jobId}`, { token: officer.token })).status,
      ).toBe(403);
      expect(
        (await wasl.request('POST', `/api/v1/admin/failed-jobs/no-such-queue/${first.jobId}/retry`, { token: quiet.adminToken })).status,
      ).toBe(404);

      const discarded = await wasl.request('DELETE', `/api/v1/admin/failed-jobs/channel-events/${second.jobId}`, {
        token: quiet.adminToken,
      });
      expect(discarded.status).toBe(204);
      expect(await events.getJob(second.jobId)).toBeUndefined();
      const retried = await wasl.request<FailedJobItem>('POST', `/api/v1/admin/failed-jobs/channel-events/${first.jobId}/retry`, {
        token: quiet.adminToken,
      });
      expect(retried.status).toBe(200);
      const audited: Array<{ action: string; subject_id: string }> = await wasl.dataSource.query(
        "SELECT action, subject_id FROM audit_log WHERE organisation_id = $1 AND subject_type = 'job' ORDER BY created_at",
        [quiet.id],
      );
      expect(audited).toEqual([
        { action: 'failed_job.discarded', subject_id: `channel-events:${second.jobId}` },
        { action: 'failed_job.retried', subject_id: `channel-events:${first.jobId}` },
      ]);
      // The report still names no message: it runs again, fails again and is listed again, alone.
      await eventually(async () => {
        const again = await failedJobsOf(quiet.adminToken);
        return again.length === 1 && again[0].jobId === first.jobId && (await events.getJob(first.jobId))?.attemptsMade === 1;
      }, 'the retried job to fail again');
    });
  });

  describe('a web chat handshake', () => {
    const SITE = 'https://www.example.org';
    const visitors: WebChatVisitor[] = [];
    afterAll(() => visitors.forEach((visitor) => visitor.close()));

    const contactRows = async (contactId: string): Promise<number> =>
      (await wasl.dataSource.query('SELECT count(*)::int AS count FROM contacts WHERE id = $1', [contactId]))[0].count;

    it('should store no contact until the visitor’s first message, then one with their name and claimed number', async () => {
      const inbox = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
        token: organisation.adminToken,
        body: { channel: 'webchat', name: `محادثة ${randomUUID().slice(0, 6)}`, settings: { allowedOrigins: [SITE] } },
      });
      const contactsBefore = (await wasl.dataSource.query('SELECT count(*)::int AS count FROM contacts'))[0].count;
      const idle = await WebChatVisitor.connect(wasl.url, { inboxId: inbox.body.id, profile: { name: 'زائر عابر', phone: '0551112223' } });
      visitors.push(idle);
      expect(idle.session.contactId).toEqual(expect.any(String));
      // Handshakes alone, reloads included, store nothing, and answer empty.
      const reloaded = await WebChatVisitor.connect(wasl.url, { inboxId: inbox.body.id, visitorToken: idle.session.visitorToken });
      visitors.push(reloaded);
      expect(reloaded.session).toEqual({ visitorToken: expect.any(String), contactId: idle.session.contactId });
      expect(await reloaded.history()).toEqual([]);
      expect(await reloaded.report([randomUUID()], 'read')).toEqual({ updated: 0 });
      expect(await contactRows(idle.session.contactId)).toBe(0);
      expect((await wasl.dataSource.query('SELECT count(*)::int AS count FROM contacts'))[0].count).toBe(contactsBefore);

      // The first message makes the contact under the id the session announced; the other device sees the message.
      const sent = await idle.send('first', 'السلام عليكم');
      expect(sent.id).toEqual(expect.any(String));
      const contact = await wasl.request<{ name: string; phone: string; phoneVerified: boolean }>(
        'GET',
        `/api/v1/contacts/${idle.session.contactId}`,
        { token: organisation.adminToken },
      );
      expect(contact.body).toMatchObject({ name: 'زائر عابر', phone: '+966551112223', phoneVerified: false });
      await eventually(async () => reloaded.received.find((message) => message.id === sent.id), 'the echo on the other device');
      const secondDevice = await reloaded.send('second', 'ومن جهازي الآخر');
      expect(await contactRows(idle.session.contactId)).toBe(1);
      const conversationId = await wasl.conversationOfMessage(await messageProviderId(sent.id!));
      const reply = await wasl.request<{ id: string }>('POST', `/api/v1/conversations/${conversationId}/messages`, {
        token: organisation.adminToken,
        body: { text: 'أهلًا بك' },
      });
      for (const device of [idle, reloaded]) {
        await eventually(async () => device.received.find((message) => message.id === reply.body.id), 'the reply on every device');
      }
      expect((await idle.history()).map((message) => message.id)).toEqual([sent.id, secondDevice.id, reply.body.id]);
    });

    it('should give a visitor whose contact staff erased a new contact when they write again', async () => {
      const inbox = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
        token: organisation.adminToken,
        body: { channel: 'webchat', name: `محادثة ${randomUUID().slice(0, 6)}`, settings: { allowedOrigins: [SITE] } },
      });
      const first = await WebChatVisitor.connect(wasl.url, { inboxId: inbox.body.id, profile: { name: 'زائر', phone: '0551112224' } });
      visitors.push(first);
      const before = await first.send('before', 'قبل المحو');
      await wasl.conversationOfMessage(await messageProviderId(before.id!));
      // What an anonymising erasure leaves: the contact row without its identities.
      await wasl.dataSource.query('DELETE FROM contact_identities WHERE contact_id = $1', [first.session.contactId]);
      const again = await WebChatVisitor.connect(wasl.url, { inboxId: inbox.body.id, visitorToken: first.session.visitorToken });
      visitors.push(again);
      expect(await again.history()).toEqual([]);
      const written = await again.send('after', 'بعد المحو');
      expect(written.id).toEqual(expect.any(String));
      const owner = await eventually(async () => {
        const rows: Array<{ contact_id: string }> = await wasl.dataSource.query('SELECT contact_id FROM messages WHERE id = $1', [
          written.id,
        ]);
        return rows[0]?.contact_id;
      }, 'the message after erasure');
      expect(owner).not.toBe(first.session.contactId);
    });

    async function messageProviderId(messageId: string): Promise<string> {
      return eventually(async () => {
        const rows: Array<{ provider_message_id: string }> = await wasl.dataSource.query(
          'SELECT provider_message_id FROM messages WHERE id = $1',
          [messageId],
        );
        return rows[0]?.provider_message_id;
      }, 'the first message to be stored');
    }
  });

  describe('a disabled inbox', () => {
    const storedEvents = async (inboxId: string): Promise<number> =>
      Number((await wasl.dataSource.query('SELECT count(*) AS count FROM inbound_events WHERE inbox_id = $1', [inboxId]))[0].count);

    const disable = async (inboxId: string, active = false) => {
      const answer = await wasl.request<{ active: boolean }>('PATCH', `/api/v1/inboxes/${inboxId}`, {
        token: organisation.adminToken,
        body: { active },
      });
      expect(answer.status).toBe(200);
      expect(answer.body.active).toBe(active);
    };

    it('should refuse every channel’s webhooks with 404 before anything is stored, and take them again once enabled', async () => {
      const api = await wasl.createApiInbox(organisation.adminToken);
      const sms = await createTwilioInbox(wasl, organisation.adminToken, 'sms', sandbox.url);
      const voice = await createTwilioInbox(wasl, organisation.adminToken, 'voice', sandbox.url, { forwardTo: ['+966110000001'] });
      const unifonic = await wasl.request<{ id: string; secret: string }>('POST', '/api/v1/inboxes', {
        token: organisation.adminToken,
        body: {
          channel: 'sms',
          provider: 'unifonic',
          name: `unifonic ${randomUUID().slice(0, 6)}`,
          settings: { appSid: 'app-1', senderId: 'Jameiati', apiBaseUrl: sandbox.url },
        },
      });
      for (const inbox of [api, sms, voice, unifonic.body]) await disable(inbox.id);

      const apiMessage = { messageId: `m-${randomUUID()}`, from: { id: 'u-1', name: 'مستفيد' }, text: 'مرحبا' };
      expect((await wasl.postSigned(api, apiMessage)).status).toBe(404);
      const smsForm = {
        MessageSid: `SM${randomUUID().replace(/-/g, '')}`,
        AccountSid: sms.accountSid,
        From: saudiMobile('1111'),
        To: sms.phoneNumber,
        Body: 'رسالة إلى صندوق معطل',
        NumMedia: '0',
      };
      expect((await postTwilioForm(wasl, `/webhooks/twilio/${sms.id}/sms`, sms.authToken, smsForm)).status).toBe(404);
      const statusForm = { MessageSid: smsForm.MessageSid, AccountSid: sms.accountSid, MessageStatus: 'delivered' };
      expect((await postTwilioForm(wasl, `/webhooks/twilio/${sms.id}/status`, sms.authToken, statusForm)).status).toBe(404);
      const callForm = {
        CallSid: `CA${randomUUID().replace(/-/g, '')}`,
        AccountSid: voice.accountSid,
        From: saudiMobile('2222'),
        To: voice.phoneNumber,
        CallStatus: 'ringing',
        Direction: 'inbound',
      };
      expect((await postTwilioForm(wasl, `/webhooks/twilio/${voice.id}/voice`, voice.authToken, callForm)).status).toBe(404);
      expect((await postTwilioForm(wasl, `/webhooks/twilio/${voice.id}/voice/status`, voice.authToken, callForm)).status).toBe(404);
      const report = await fetch(`${wasl.url}/webhooks/unifonic/${unifonic.body.id}/delivery-reports?token=${unifonic.body.secret}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messageId: '12345', status: 'delivered' }),
      });
      expect(report.status).toBe(404);
      for (const inbox of [api, sms, voice]) expect(await storedEvents(inbox.id)).toBe(0);

      // Enabled again, the same inbox takes messages at once.
      await disable(api.id, true);
      expect((await wasl.postSigned(api, apiMessage)).status).toBe(202);
      expect(await storedEvents(api.id)).toBe(1);
    });

    it('should let only an administrator rename or disable an inbox of their own organisation, and audit it', async () => {
      const api = await wasl.createApiInbox(organisation.adminToken);
      const supervisor = await wasl.createUser(organisation.adminToken, UserRole.Supervisor);
      expect((await wasl.request('PATCH', `/api/v1/inboxes/${api.id}`, { token: supervisor.token, body: { active: false } })).status).toBe(
        403,
      );
      const other = await wasl.createOrganisation('جمعية أخرى');
      expect((await wasl.request('PATCH', `/api/v1/inboxes/${api.id}`, { token: other.adminToken, body: { active: false } })).status).toBe(
        404,
      );
      expect(
        (await wasl.request('PATCH', `/api/v1/inboxes/${api.id}`, { token: organisation.adminToken, body: { active: 'no' } })).status,
      ).toBe(400);
      const renamed = await wasl.request<{ name: string; active: boolean }>('PATCH', `/api/v1/inboxes/${api.id}`, {
        token: organisation.adminToken,
        body: { name: 'تطبيق الجمعية الجديد', active: false },
      });
      expect(renamed.body).toMatchObject({ name: 'تطبيق الجمعية الجديد', active: false });
      const audited: Array<{ action: string; details: unknown }> = await wasl.dataSource.query(
        'SELECT action, details FROM audit_log WHERE subject_id = $1 ORDER BY created_at',
        [api.id],
      );
      expect(audited.map((row) => row.action)).toContain('inbox.updated');
    });
  });

  describe('in production settings', () => {
    let production: WaslTestApp;
    let docsOff: WaslTestApp;
    let staff: TestOrganisation;

    beforeAll(async () => {
      production = await WaslTestApp.start({ PUBLIC_URL: 'https://wasl.example.org', API_DOCS: 'staff', FAILED_REQUESTS_PER_MINUTE: '5' });
      docsOff = await WaslTestApp.start({ API_DOCS: 'off' });
      staff = await production.createOrganisation();
    });

    afterAll(async () => {
      await production.close();
      await docsOff.close();
    });

    it('should send HSTS when PUBLIC_URL is https, and show /docs to signed-in staff only, or to nobody', async () => {
      expect((await production.request('GET', '/health')).headers.get('strict-transport-security')).toBe(
        'max-age=31536000; includeSubDomains',
      );
      expect((await production.request('GET', '/docs')).status).toBe(401);
      expect((await production.request('GET', '/docs/openapi.json')).status).toBe(401);
      expect((await production.request('GET', '/docs/openapi.json', { token: staff.adminToken })).status).toBe(200);
      expect((await docsOff.request('GET', '/docs')).status).toBe(404);
      expect((await docsOff.request('GET', '/docs/openapi.json')).status).toBe(404);
    });

    it('should not count a signed-in officer refused a route by role', async () => {
      const officer = await production.createUser(staff.adminToken, UserRole.Officer);
      for (let attempt = 0; attempt < 8; attempt += 1) {
        expect((await production.request('GET', '/api/v1/admin/failed-jobs', { token: officer.token })).status).toBe(403);
      }
      expect((await production.request('GET', '/api/v1/conversations', { token: officer.token })).status).toBe(200);
    });

    it('should answer 429 to a source past its failed unauthenticated requests, before any route runs', async () => {
      const inbox = await production.createApiInbox(staff.adminToken);
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 8; attempt += 1) {
        const forged = await production.postSigned(
          inbox,
          { messageId: `forged-${attempt}`, from: { id: 'x' }, text: 'x' },
          'sha256=' + '0'.repeat(64),
        );
        statuses.push(forged.status);
      }
      // Five failures a minute (two of them the /docs refusals above), then 429 for the rest of the minute.
      const firstRefusal = statuses.indexOf(429);
      expect(firstRefusal).toBeGreaterThan(0);
      expect(statuses.slice(0, firstRefusal).every((status) => status === 401)).toBe(true);
      expect(statuses.slice(firstRefusal).every((status) => status === 429)).toBe(true);
      const refused = await production.request<{ code: string }>('GET', '/api/v1/users');
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
      // Health checks are never refused.
      expect((await production.request('GET', '/health')).status).toBe(200);
      const stored = await production.dataSource.query('SELECT count(*)::int AS count FROM inbound_events WHERE inbox_id = $1', [inbox.id]);
      expect(stored[0].count).toBe(0);
    });
  });
});
