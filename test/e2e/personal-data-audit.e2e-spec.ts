import { AuditAction, AuditService } from '@app/audit';
import { UserRole } from '@app/identity';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface AuditRow {
  id: string;
  action: string;
  actorUserId: string | null;
  subjectType: string;
  subjectId: string;
  details: { count?: number; ids?: string[]; query?: Record<string, string>; contactId?: string } | null;
  createdAt: string;
}
interface AuditPage {
  items: AuditRow[];
  nextCursor: string | null;
}

// RFC 4180 reader: quoted cells may hold commas, doubled quotes and line breaks.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(cell);
      cell = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else cell += character;
  }
  if (cell || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('Personal data reads are audited, and the audit log pages, filters and exports (real PostgreSQL and Redis)', () => {
  let wasl: WaslTestApp;
  let alpha: TestOrganisation;
  let beta: TestOrganisation;
  let inbox: { id: string; secret: string };
  let supervisor: { id: string; token: string };

  beforeAll(async () => {
    wasl = await WaslTestApp.start();
    alpha = await wasl.createOrganisation('جمعية التدقيق');
    beta = await wasl.createOrganisation('جمعية أخرى');
    inbox = await wasl.createApiInbox(alpha.adminToken);
    supervisor = await wasl.createUser(alpha.adminToken, UserRole.Supervisor);
  });

  afterAll(() => wasl.close());

  async function inbound(from: Record<string, string>, text: string): Promise<string> {
    const messageId = `m-${randomUUID()}`;
    expect((await wasl.postSigned(inbox, { messageId, from, text })).status).toBe(202);
    return wasl.conversationOfMessage(messageId);
  }

  function auditLog(query: string, token = alpha.adminToken) {
    return wasl.request<AuditPage & { code?: string; fields?: { field: string }[] }>('GET', `/api/v1/admin/audit-log${query}`, { token });
  }

  it('should write one audit row per read of messages, calls, a conversation, and conversation and contact lists and searches', async () => {
    const name = `نورة ${randomUUID().slice(0, 6)}`;
    const phone = '0503334455';
    const conversationId = await inbound({ id: `u-${randomUUID()}`, name, phone }, 'أحتاج مساعدة في سداد الإيجار');
    // A supervisor sees every inbox, whatever purpose-bound access says about officers.
    const reader = await wasl.createUser(alpha.adminToken, UserRole.Supervisor);
    const reads = [
      await wasl.request<AuditPage>('GET', '/api/v1/conversations?q=%D8%A7%D9%84%D8%A5%D9%8A%D8%AC%D8%A7%D8%B1&status=open', {
        token: reader.token,
      }),
      await wasl.request('GET', `/api/v1/conversations/${conversationId}`, { token: reader.token }),
      await wasl.request('GET', `/api/v1/conversations/${conversationId}/messages`, { token: reader.token }),
      await wasl.request<AuditPage>('GET', `/api/v1/contacts?q=${encodeURIComponent(name)}`, { token: reader.token }),
      await wasl.request('GET', `/api/v1/conversations/${conversationId}/calls`, { token: reader.token }),
    ];
    expect(reads.map((read) => read.status)).toEqual([200, 200, 200, 200, 200]);
    const contactId = (reads[3].body as AuditPage).items[0].id;

    const audit = await auditLog(`?actorUserId=${reader.id}`);
    expect(audit.status).toBe(200);
    const byAction = (action: string) => audit.body.items.filter((row) => row.action === action);
    expect(byAction('conversation.listed')).toEqual([
      expect.objectContaining({
        actorUserId: reader.id,
        subjectType: 'conversation',
        subjectId: '*',
        details: { count: 1, ids: [conversationId], query: { q: 'الإيجار', status: 'open' } },
      }),
    ]);
    expect(byAction('conversation.viewed')).toEqual([
      expect.objectContaining({ subjectType: 'conversation', subjectId: conversationId, details: { contactId } }),
    ]);
    expect(byAction('conversation.messages_read')).toEqual([
      expect.objectContaining({ subjectType: 'conversation', subjectId: conversationId, details: { count: 1 } }),
    ]);
    expect(byAction('conversation.calls_read')).toEqual([
      expect.objectContaining({ subjectType: 'conversation', subjectId: conversationId, details: { count: 0 } }),
    ]);
    expect(byAction('contact.listed')).toEqual([
      expect.objectContaining({ subjectType: 'contact', subjectId: '*', details: expect.objectContaining({ count: 1, ids: [contactId] }) }),
    ]);
    // The log names who saw which records, never what they said.
    const everything = JSON.stringify(audit.body.items.map((row) => row.details));
    expect(everything).not.toContain('سداد');
    expect(everything).not.toContain(phone.slice(1));
    expect(everything).not.toContain('966');

    // A refused read (another organisation's conversation) is not a read.
    expect((await wasl.request('GET', `/api/v1/conversations/${conversationId}/messages`, { token: beta.adminToken })).status).toBe(404);
    expect((await auditLog(`?action=conversation.messages_read`, beta.adminToken)).body.items).toEqual([]);
  });

  it('should page the audit log with a cursor and filter it by actor, subject, action and date range', async () => {
    const conversationId = await inbound({ id: `u-${randomUUID()}`, name: 'سالم' }, 'السلام عليكم');
    for (let index = 0; index < 5; index += 1) {
      expect((await wasl.request('GET', `/api/v1/conversations/${conversationId}`, { token: supervisor.token })).status).toBe(200);
    }
    const filter = `actorUserId=${supervisor.id}&subjectType=conversation&subjectId=${conversationId}&action=conversation.viewed`;
    const seen: AuditRow[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await auditLog(`?${filter}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, supervisor.token);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((row) => row.id)).size).toBe(5);
    const times = seen.map((row) => Date.parse(row.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(seen.every((row) => row.actorUserId === supervisor.id && row.subjectId === conversationId)).toBe(true);

    const past = new Date(Date.now() - 86_400_000).toISOString();
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await auditLog(`?${filter}&from=${past}&to=${future}`)).body.items).toHaveLength(5);
    expect((await auditLog(`?${filter}&to=${past}`)).body.items).toHaveLength(0);
    expect((await auditLog(`?${filter}&from=${future}`)).body.items).toHaveLength(0);
    expect((await auditLog(`?action=conversation.viewed&subjectId=${conversationId}`)).body.items).toHaveLength(5);
    expect((await auditLog(`?action=contact.listed&subjectId=${conversationId}`)).body.items).toHaveLength(0);
    // Another organisation sees none of these rows, whatever it filters on.
    expect((await auditLog(`?subjectId=${conversationId}`, beta.adminToken)).body.items).toEqual([]);
  });

  it('should refuse bad filters with a 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['?actorUserId=someone', 'actorUserId'],
      ['?action=contact.deleted', 'action'],
      ['?subjectType=DROP%20TABLE', 'subjectType'],
      ['?subjectId=' + 'x'.repeat(65), 'subjectId'],
      ['?from=yesterday', 'from'],
      ['?to=2026-02-30T00:00:00Z', 'to'],
      ['?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z', 'to'],
      ['?cursor=not-a-cursor', 'cursor'],
      ['?limit=0', 'limit'],
      ['?limit=501', 'limit'],
      ['?format=xlsx', 'format'],
      ['?action=contact.viewed&action=contact.merged', 'action'],
    ];
    for (const [query, field] of cases) {
      const answer = await auditLog(query);
      expect({ query, status: answer.status, code: answer.body.code }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED' });
      expect(answer.body.fields?.map((problem) => problem.field)).toContain(field);
    }
  });

  it('should export CSV with a byte-order mark, valid quoting and spreadsheet formulas made inert, and audit the export', async () => {
    const subjectId = `csv-${randomUUID().slice(0, 8)}`;
    const audit = wasl.app.get(AuditService);
    const nasty = ['=HYPERLINK("http://evil.example","انقر")', '+966500000000', '-2+3', '@SUM(A1:A2)', 'عادي, مع "اقتباس"\nوسطر'];
    for (const [index, value] of nasty.entries()) {
      await audit.record({
        organisationId: alpha.id,
        actorUserId: alpha.adminId,
        action: AuditAction.ContactViewed,
        subjectType: 'contact',
        subjectId: index === 0 ? '=1+2' : subjectId,
        details: { note: value },
      });
    }
    const response = await fetch(`${wasl.url}/api/v1/admin/audit-log?format=csv&subjectType=contact&actorUserId=${alpha.adminId}`, {
      headers: { authorization: `Bearer ${supervisor.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-log\.csv"/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual(['id', 'createdAt', 'actorUserId', 'action', 'subjectType', 'subjectId', 'details']);
    const body = rows.slice(1);
    expect(body).toHaveLength(5);
    expect(body.every((row) => row.length === 7)).toBe(true);
    // No cell a spreadsheet would evaluate: each such cell starts with an apostrophe instead.
    for (const row of body) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(body.map((row) => row[5])).toContain("'=1+2");
    const notes = body.map((row) => (JSON.parse(row[6]) as { note: string }).note);
    expect(notes).toEqual(expect.arrayContaining(['عادي, مع "اقتباس"\nوسطر']));

    const exported = await auditLog(`?action=audit.exported&actorUserId=${supervisor.id}`);
    expect(exported.body.items).toEqual([
      expect.objectContaining({
        subjectType: 'audit_log',
        details: { count: 5, filters: { subjectType: 'contact', actorUserId: alpha.adminId } },
      }),
    ]);
  });

  it('should let administrators and supervisors read the audit log, and nobody else', async () => {
    const statuses: Record<string, number> = {};
    for (const role of [UserRole.Officer, UserRole.Researcher, UserRole.Committee]) {
      const user = await wasl.createUser(alpha.adminToken, role);
      statuses[role] = (await auditLog('', user.token)).status;
      statuses[`${role}-csv`] = (await auditLog('?format=csv', user.token)).status;
    }
    expect(statuses).toEqual({
      officer: 403,
      'officer-csv': 403,
      researcher: 403,
      'researcher-csv': 403,
      committee: 403,
      'committee-csv': 403,
    });
    expect((await auditLog('', supervisor.token)).status).toBe(200);
    expect((await auditLog('')).status).toBe(200);
    expect((await wasl.request('GET', '/api/v1/admin/audit-log')).status).toBe(401);
  });

  it('should answer any audit-log query string with 200 or a 400, never a 5xx (fast-check, bounded)', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('2026-11-26', '2026-11-26T10:00:00Z', '+275760-09-13T00:00:00Z', '0000-01-01T00:00:00Z', 'csv', 'json', ''),
      fc.uuid(),
      fc.integer().map(String),
      fc.string({ maxLength: 30 }).map((text) => Buffer.from(text).toString('base64url')),
    );
    const query = fc.dictionary(
      fc.constantFrom('actorUserId', 'subjectType', 'subjectId', 'action', 'from', 'to', 'cursor', 'limit', 'format', '__proto__'),
      value,
      { maxKeys: 5 },
    );
    await fc.assert(
      fc.asyncProperty(query, async (values) => {
        const search = new URLSearchParams(values).toString();
        const answer = await fetch(`${wasl.url}/api/v1/admin/audit-log?${search}`, {
          headers: { authorization: `Bearer ${alpha.adminToken}` },
        });
        await answer.arrayBuffer();
        expect({ search, answered: [200, 400].includes(answer.status) ? 'ok' : answer.status }).toEqual({ search, answered: 'ok' });
      }),
      { numRuns: 150, interruptAfterTimeLimit: 20_000 },
    );
  });
});
