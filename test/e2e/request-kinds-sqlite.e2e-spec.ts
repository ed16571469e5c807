import { UserRole } from '@app/identity';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WaslTestApp } from '../support/wasl-test-app';

interface KindBody {
  id: string;
  state: string;
  conversationId: string;
  tags: string[];
  items?: Array<{ id: string; state: string }>;
}

// The laptop install: an internal request on the embedded SQLite file, with the inbox's
// visibility rule (its sub-query on kind_requests) and the tag filter.
describe('Internal requests on embedded SQLite', () => {
  const directory = mkdtempSync(join(tmpdir(), 'wasl-kinds-sqlite-'));
  let wasl: WaslTestApp;

  beforeAll(async () => {
    wasl = await WaslTestApp.start({ DATABASE_URL: '', SQLITE_PATH: join(directory, 'wasl.sqlite') });
  });

  afterAll(async () => {
    await wasl?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('should open an internal request both sides follow and move it through its states', async () => {
    expect(wasl.dataSource.options.type).toBe('better-sqlite3');
    const organisation = await wasl.createOrganisation();
    const requester = await wasl.createUser(organisation.adminToken, UserRole.Officer);
    const worker = await wasl.createUser(organisation.adminToken, UserRole.Officer);
    const outsider = await wasl.createUser(organisation.adminToken, UserRole.Officer);
    const team = await wasl.request<{ id: string }>('POST', '/api/v1/teams', { token: organisation.adminToken, body: { name: 'المالية' } });
    await wasl.request('POST', `/api/v1/teams/${team.body.id}/members`, { token: organisation.adminToken, body: { userId: worker.id } });
    const created = await wasl.request<KindBody>('POST', '/api/v1/kind-requests/internal', {
      token: requester.token,
      body: { teamId: team.body.id, subject: 'صرف مكافآت المتطوعين', details: 'عشرة متطوعين لشهر رجب' },
    });
    expect(created.status).toBe(201);
    for (const token of [requester.token, worker.token]) {
      expect((await wasl.request('GET', `/api/v1/conversations/${created.body.conversationId}`, { token })).status).toBe(200);
    }
    expect((await wasl.request('GET', `/api/v1/conversations/${created.body.conversationId}`, { token: outsider.token })).status).toBe(404);
    const act = (token: string, action: string) =>
      wasl.request<KindBody>('POST', `/api/v1/kind-requests/${created.body.id}/actions`, { token, body: { action } });
    expect((await act(requester.token, 'start')).status).toBe(403);
    expect((await act(worker.token, 'start')).body.state).toBe('in_progress');
    expect((await act(worker.token, 'start')).status).toBe(409);
    expect((await act(worker.token, 'complete')).body.state).toBe('done');
    const mine = await wasl.request<KindBody>('GET', '/api/v1/kind-requests?kind=internal&view=mine', { token: requester.token });
    expect(mine.body.items).toEqual([expect.objectContaining({ id: created.body.id, state: 'done' })]);

    const supervisor = await wasl.createUser(organisation.adminToken, UserRole.Supervisor);
    const tagged = await wasl.request<KindBody>('PUT', `/api/v1/kind-requests/${created.body.id}/tags`, {
      token: supervisor.token,
      body: { tags: ['المالية'] },
    });
    expect(tagged.status).toBe(400);
  });
});
