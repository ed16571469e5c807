import { UserRole } from '@app/identity';
import { randomUUID } from 'node:crypto';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { createTwilioInbox, postTwilioForm, saudiMobile } from '../support/twilio-inbox.helper';
import { TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

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
});
