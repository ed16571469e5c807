import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { eventually, WaslTestApp } from '../support/wasl-test-app';

// The real whatsapp-web.js Client in Debian's Chromium (/usr/bin/chromium, never a downloaded browser). This
// machine cannot reach WhatsApp: Chromium is pointed at a proxy port nothing listens on, so no request leaves it.
describe('whatsapp-web.js in Debian Chromium without a route to WhatsApp', () => {
  let wasl: WaslTestApp;

  afterAll(async () => {
    await wasl?.close();
  });

  it('should launch the browser and report the session disconnected, not crash', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    wasl = await WaslTestApp.startOnPublicUrl({
      WHATSAPP_WEB_CLIENT: 'chromium',
      CHROMIUM_PATH: '/usr/bin/chromium',
      WHATSAPP_WEB_PROXY: `http://127.0.0.1:${closedPort}`,
      CHANNEL_SESSION_LEASE_MS: '4000',
      CHANNEL_SESSION_CHECK_MS: '1000',
    });
    const organisation = await wasl.createOrganisation();
    const created = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: { channel: 'whatsapp', provider: 'web', name: `WhatsApp ${randomUUID().slice(0, 6)}` },
    });
    expect(created.status).toBe(201);
    const session = await eventually(
      async () => {
        const answer = await wasl.request<{ state: string; reason: string | null }>('GET', `/api/v1/inboxes/${created.body.id}/session`, {
          token: organisation.adminToken,
        });
        return answer.body.state === 'disconnected' && answer.body;
      },
      'the session to be reported disconnected',
      45_000,
    );
    // Chromium's own network error: the browser started and tried to open WhatsApp Web.
    expect(session.reason).toMatch(/could not be reached.*ERR_PROXY_CONNECTION_FAILED/);
    expect((await fetch(`${wasl.url}/health`)).status).toBe(200);
  }, 90_000);
});
