import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printArabicPdf } from '../support/arabic-pdf';
import { eventually, WaslTestApp } from '../support/wasl-test-app';

interface SearchHit {
  documentId: string;
  heading: string | null;
  page: number | null;
  text: string;
  match: string;
}

// The laptop install reads, stores and searches the knowledge base like PostgreSQL: the passages' fold column is
// computed by the function every SQLite connection registers.
describe('Knowledge base on embedded SQLite', () => {
  const directory = mkdtempSync(join(tmpdir(), 'wasl-knowledge-sqlite-'));
  let wasl: WaslTestApp;

  beforeAll(async () => {
    wasl = await WaslTestApp.start({ DATABASE_URL: '', SQLITE_PATH: join(directory, 'wasl.sqlite') });
  });

  afterAll(async () => {
    await wasl?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('should read a Chromium PDF, keep its bytes, and find a passage with the Arabic-forgiving search, ranked', async () => {
    expect(wasl.dataSource.options.type).toBe('better-sqlite3');
    const organisation = await wasl.createOrganisation();
    const pdf = await printArabicPdf(
      readFileSync(join(__dirname, '../../libs/knowledge/src/__fixtures__/anat-albayt-housing.txt'), 'utf8'),
    );
    const uploaded = await fetch(
      `${wasl.url}/api/v1/knowledge/documents?title=${encodeURIComponent('السياسة')}&kind=support_policy_guide`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${organisation.adminToken}`,
          'content-type': 'application/octet-stream',
          'x-file-name': 'policy.pdf',
        },
        body: new Uint8Array(pdf),
      },
    );
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };
    await eventually(
      async () => {
        const document = await wasl.request<{ status: string }>('GET', `/api/v1/knowledge/documents/${id}`, {
          token: organisation.adminToken,
        });
        return document.body.status === 'ready';
      },
      'the PDF to be read on SQLite',
      30_000,
    );

    const found = await wasl.request<{ items: SearchHit[] }>(
      'GET',
      `/api/v1/knowledge/search?q=${encodeURIComponent('لجنه البحث لدراسه طلبه')}`,
      {
        token: organisation.adminToken,
      },
    );
    expect(found.body.items[0]).toMatchObject({ documentId: id, match: 'phrase', page: 2 });
    expect(found.body.items[0].text).toContain('لا تقل عن أسبوعين');
    const ranked = found.body.items.map((hit) => ['phrase', 'all_words', 'some_words'].indexOf(hit.match));
    expect(ranked).toEqual([...ranked].sort());

    const file = await fetch(`${wasl.url}/api/v1/knowledge/documents/${id}/file`, {
      headers: { authorization: `Bearer ${organisation.adminToken}` },
    });
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
  });
});
