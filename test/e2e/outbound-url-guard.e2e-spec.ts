import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface FieldsBody {
  code: string;
  fields?: { field: string; message: string }[];
}
interface MessageItem {
  id: string;
  status: string | null;
  failureCode: string | null;
  failureReason: string | null;
}

// A tenant administrator types the URLs Wasl calls. In a production deployment (OUTBOUND_ALLOW_PRIVATE_NETWORKS
// false, the default) they must not reach Wasl's own network: not at creation, not at send time.
describe('Configured URLs cannot reach private networks (gateway + worker, private networks refused)', () => {
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  // Stands for an internal service next to Wasl (an admin panel, a metadata endpoint).
  let internal: Server;
  let internalPort: number;
  let internalRequests = 0;
  const INTERNAL_ANSWER = 'internal-admin-panel: db_password=hunter2';

  beforeAll(async () => {
    internal = createServer((request, response) => {
      internalRequests += 1;
      request.resume();
      response.writeHead(500).end(INTERNAL_ANSWER);
    });
    await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
    internalPort = (internal.address() as AddressInfo).port;
    wasl = await WaslTestApp.start({ OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'false', OUTBOUND_ATTEMPTS: '3' });
    organisation = await wasl.createOrganisation();
  });

  afterAll(async () => {
    await wasl.close();
    await new Promise((resolve) => internal.close(resolve));
  });

  const createInbox = (body: Record<string, unknown>) =>
    wasl.request<FieldsBody & { id: string; secret: string }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: { name: `Inbox ${randomUUID().slice(0, 8)}`, ...body },
    });

  it.each(['http://0x7f000001:1/x', 'http://2130706433/x', 'http://[::1]/x', 'http://[::ffff:127.0.0.1]/x', 'http://169.254.169.254/x'])(
    'should refuse an API inbox whose callbackUrl is %s with 400 naming callbackUrl',
    async (callbackUrl) => {
      const response = await createInbox({ channel: 'api', callbackUrl });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      // Some notations are already refused as URLs by the DTO; either way the field is named.
      expect(response.body.fields?.map((problem) => problem.field)).toEqual(['callbackUrl']);
    },
  );

  it('should say why, refuse credentials in a callback URL and a private provider apiBaseUrl, naming the field', async () => {
    const hexadecimal = await createInbox({ channel: 'api', callbackUrl: 'http://0x7f000001:1/x' });
    expect(hexadecimal.body.fields).toEqual([
      { field: 'callbackUrl', message: 'must not point to a private, loopback or link-local address' },
    ]);
    const withCredentials = await createInbox({ channel: 'api', callbackUrl: 'https://admin:hunter2@app.example.org/cb' });
    expect(withCredentials.status).toBe(400);
    expect(withCredentials.body.fields).toEqual([{ field: 'callbackUrl', message: 'must not contain credentials (user:password@)' }]);
    expect(JSON.stringify(withCredentials.body)).not.toContain('hunter2');

    const privateProvider = await createInbox({
      channel: 'sms',
      provider: 'taqnyat',
      settings: { apiToken: 'token', sender: 'Jameiati', apiBaseUrl: 'http://10.0.0.7:8080' },
    });
    expect(privateProvider.status).toBe(400);
    expect(privateProvider.body.fields).toEqual([
      { field: 'settings.apiBaseUrl', message: 'must not point to a private, loopback or link-local address' },
    ]);
  });

  it('should fail a reply whose callback host resolves to a private address, at once and without leaking', async () => {
    // A host name passes creation (DNS can change); it is resolved and refused when the reply is sent.
    const created = await createInbox({ channel: 'api', callbackUrl: `http://localhost:${internalPort}/internal-admin` });
    expect(created.status).toBe(201);
    const inbox = { id: created.body.id, secret: created.body.secret };
    const from = { id: `user-${randomUUID()}`, name: 'سارة القحطاني' };
    expect((await wasl.postSigned(inbox, { messageId: `guard-${from.id}`, from, text: 'السلام عليكم' })).status).toBe(202);
    const conversationId = await wasl.conversationOfMessage(`guard-${from.id}`);

    const reply = await wasl.request<MessageItem>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
      body: { text: 'أهلاً بك' },
    });
    expect(reply.status).toBe(201);
    const failed = await eventually(async () => {
      const messages = await wasl.request<{ items: MessageItem[] }>('GET', `/api/v1/conversations/${conversationId}/messages`, {
        token: organisation.adminToken,
      });
      return messages.body.items.find((message) => message.id === reply.body.id && message.status === 'failed');
    }, 'the reply to fail');

    expect(failed.failureCode).toBe('AUTH_INVALID');
    expect(failed.failureReason).toBe(
      'Callback URL refused: the address is private, loopback or link-local, which this deployment does not allow',
    );
    for (const leak of [String(internalPort), 'localhost', '127.0.0.1', 'internal-admin', 'hunter2', 'ECONNREFUSED']) {
      expect(failed.failureReason).not.toContain(leak);
    }
    expect(internalRequests).toBe(0);
  });
});
