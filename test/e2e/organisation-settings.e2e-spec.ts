import { UserRole } from '@app/identity';
import { TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface OrganisationBody {
  id: string;
  name: string;
  timeZone: string;
  digitStyle: string;
  fields?: Array<{ field: string; message: string }>;
}
interface AuditPage {
  items: Array<{ action: string; actorUserId: string | null; subjectId: string; details: Record<string, unknown> | null }>;
}

// The organisation's name, time zone and digit style (GET and PATCH /api/v1/organisation).
describe('Organisation settings: name, time zone, digits (real PostgreSQL and Redis)', () => {
  let wasl: WaslTestApp;
  let alpha: TestOrganisation;
  let beta: TestOrganisation;

  beforeAll(async () => {
    wasl = await WaslTestApp.start({ WASL_ROLE: 'gateway' });
    alpha = await wasl.createOrganisation('جمعية ألف');
    beta = await wasl.createOrganisation('جمعية باء');
  });

  afterAll(() => wasl.close());

  const update = (body: unknown, token = alpha.adminToken) =>
    wasl.request<OrganisationBody>('PATCH', '/api/v1/organisation', { token, body });

  it('should give every staff member their own organisation’s settings, Riyadh time and Arabic-Indic digits by default', async () => {
    const officer = await wasl.createUser(alpha.adminToken, UserRole.Officer);
    const read = await wasl.request<OrganisationBody>('GET', '/api/v1/organisation', { token: officer.token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ id: alpha.id, name: 'جمعية ألف', timeZone: 'Asia/Riyadh', digitStyle: 'arabic-indic' });
    expect((await wasl.request('GET', '/api/v1/organisation')).status).toBe(401);
  });

  it('should refuse bad values by field and every role but the administrator', async () => {
    const zone = await update({ timeZone: 'Asia/Nowhere' });
    expect(zone.status).toBe(400);
    expect(zone.body.fields).toEqual([{ field: 'timeZone', message: 'must be an IANA time zone such as Asia/Riyadh' }]);
    const several = await update({ name: '   ', digitStyle: 'roman', logo: 'x' });
    expect(several.status).toBe(400);
    expect(several.body.fields?.map((problem) => problem.field).sort()).toEqual(['digitStyle', 'logo', 'name']);
    for (const role of [UserRole.Supervisor, UserRole.Officer, UserRole.Researcher]) {
      const user = await wasl.createUser(alpha.adminToken, role);
      expect((await update({ name: 'اسم آخر' }, user.token)).status).toBe(403);
    }
    expect((await wasl.request<OrganisationBody>('GET', '/api/v1/organisation', { token: alpha.adminToken })).body.name).toBe('جمعية ألف');
  });

  it('should change the administrator’s own organisation only, and audit what changed', async () => {
    const changed = await update({ name: ' جمعية البر الخيرية ', timeZone: 'Asia/Dubai', digitStyle: 'latin' });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ id: alpha.id, name: 'جمعية البر الخيرية', timeZone: 'Asia/Dubai', digitStyle: 'latin' });
    expect((await wasl.request<OrganisationBody>('GET', '/api/v1/organisation', { token: alpha.adminToken })).body).toEqual(changed.body);
    expect((await wasl.request<OrganisationBody>('GET', '/api/v1/organisation', { token: beta.adminToken })).body).toEqual({
      id: beta.id,
      name: 'جمعية باء',
      timeZone: 'Asia/Riyadh',
      digitStyle: 'arabic-indic',
    });
    // The same values again change nothing and write nothing.
    expect((await update({ timeZone: 'Asia/Dubai' })).status).toBe(200);
    const audit = await wasl.request<AuditPage>('GET', '/api/v1/admin/audit-log?action=organisation.updated', { token: alpha.adminToken });
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        actorUserId: alpha.adminId,
        subjectId: alpha.id,
        details: { changed: ['name', 'timeZone', 'digitStyle'], name: 'جمعية البر الخيرية', timeZone: 'Asia/Dubai', digitStyle: 'latin' },
      }),
    ]);
    expect(
      (await wasl.request<AuditPage>('GET', '/api/v1/admin/audit-log?action=organisation.updated', { token: beta.adminToken })).body.items,
    ).toEqual([]);
  });
});
