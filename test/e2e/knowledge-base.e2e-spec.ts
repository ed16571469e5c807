import { UserRole } from '@app/identity';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { printArabicPdf } from '../support/arabic-pdf';
import { docxFile } from '../support/docx-file';
import { visualOrderPdf } from '../support/visual-order-pdf';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface DocumentBody {
  id: string;
  status: 'pending' | 'ready' | 'failed';
  failureReason: string | null;
  passageCount: number;
  pageCount: number | null;
  format: string;
  readerRoles: string[];
}
interface SearchHit {
  documentId: string;
  documentTitle: string;
  heading: string | null;
  page: number | null;
  text: string;
  match: 'phrase' | 'all_words' | 'some_words';
}
interface ErrorBody {
  code: string;
  fields?: Array<{ field: string; message: string }>;
}

const POLICY = readFileSync(join(__dirname, '../../libs/knowledge/src/__fixtures__/anat-albayt-housing.txt'), 'utf8');
const OCR_POLICY = readFileSync(join(__dirname, '../../libs/knowledge/src/__fixtures__/educational-association-ocr.txt'));
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

describe('Knowledge base and canned replies, real PostgreSQL, Redis and worker', () => {
  let wasl: WaslTestApp;
  let alpha: TestOrganisation;
  let beta: TestOrganisation;
  let officer: { id: string; token: string };
  let researcher: { id: string; token: string };
  let chromiumPdf: Buffer;

  beforeAll(async () => {
    [wasl, chromiumPdf] = await Promise.all([WaslTestApp.start(), printArabicPdf(POLICY)]);
    alpha = await wasl.createOrganisation('جمعية أناة البيت');
    beta = await wasl.createOrganisation('جمعية أخرى');
    officer = await wasl.createUser(alpha.adminToken, UserRole.Officer);
    researcher = await wasl.createUser(alpha.adminToken, UserRole.Researcher);
  });

  afterAll(async () => {
    await wasl?.close();
  });

  async function upload(token: string, content: Buffer, fileName: string | undefined, query: Record<string, string>) {
    const response = await fetch(`${wasl.url}/api/v1/knowledge/documents?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        ...(fileName === undefined ? {} : { 'x-file-name': encodeURIComponent(fileName) }),
      },
      body: new Uint8Array(content),
    });
    return { status: response.status, body: (await response.json()) as DocumentBody & ErrorBody };
  }

  async function settled(token: string, id: string): Promise<DocumentBody> {
    return eventually(
      async () => {
        const document = await wasl.request<DocumentBody>('GET', `/api/v1/knowledge/documents/${id}`, { token });
        return document.body.status === 'pending' ? undefined : document.body;
      },
      `document ${id} to be read`,
      30_000,
    );
  }

  async function search(token: string, q: string, extra = '') {
    const found = await wasl.request<{ items: SearchHit[] }>('GET', `/api/v1/knowledge/search?q=${encodeURIComponent(q)}${extra}`, {
      token,
    });
    expect(found.status).toBe(200);
    return found.body.items;
  }

  describe('documents', () => {
    let pdfId: string;

    it('should read an Arabic PDF printed by Chromium and find a passage typed with other hamza and ta marbuta forms, with its heading and page', async () => {
      const uploaded = await upload(alpha.adminToken, chromiumPdf, 'سياسة تنظيم العلاقة.pdf', {
        title: 'دليل سياسة الدعم للمستفيدين',
        kind: 'support_policy_guide',
      });
      expect(uploaded.status).toBe(201);
      expect(uploaded.body).toMatchObject({ status: 'pending', format: 'pdf', readerRoles: [] });
      pdfId = uploaded.body.id;
      const read = await settled(alpha.adminToken, pdfId);
      expect(read).toMatchObject({ status: 'ready', failureReason: null, pageCount: 2 });
      expect(read.passageCount).toBeGreaterThanOrEqual(8);

      // The text says «للجنة البحث لدراسة طلبه ... لا تقل عن أسبوعين»: typed without the ta marbuta and the hamza.
      const hits = await search(officer.token, 'لجنه البحث لدراسه طلبه');
      expect(hits[0]).toMatchObject({
        documentId: pdfId,
        documentTitle: 'دليل سياسة الدعم للمستفيدين',
        match: 'phrase',
        heading: 'ويتم التعامل مع المستفيد على مختل ف المستويات لإنهاء معاملاته بالشكل التالي:',
        page: 2,
      });
      expect(hits[0].text).toContain('للجنة البحث لدراسة طلبه والرد عليه بشأن قبوله أو رفضه خلال مدة لا تقل عن أسبوعين.');
      expect((await search(officer.token, 'اسبوعين'))[0].text).toContain('أسبوعين');
    });

    it('should rank the whole phrase above all the words, and all the words above some', async () => {
      const ranks = (hits: SearchHit[]) => hits.map((hit) => ['phrase', 'all_words', 'some_words'].indexOf(hit.match));
      const phrase = await search(officer.token, 'تقديم الخدمة اللازمة');
      expect(phrase[0]).toMatchObject({ match: 'phrase', text: expect.stringContaining('تقديم الخدمة اللازمة') });
      expect(ranks(phrase)).toEqual([...ranks(phrase)].sort());
      // «الخدمة» and «الجمعية» stand together nowhere: passages with both come before those with one.
      const words = await search(officer.token, 'الخدمة الجمعية', '&limit=50');
      expect(new Set(words.map((hit) => hit.match))).toEqual(new Set(['all_words', 'some_words']));
      expect(ranks(words)).toEqual([...ranks(words)].sort());
    });

    it('should read a Word file with its headings as anchors', async () => {
      const docx = docxFile([
        { text: 'دليل خدمات البحث الاجتماعي', heading: true },
        { text: 'الزيارة المنزلية', heading: true },
        { text: 'يزور مسؤول البحث الاجتماعي أسرة المستفيد خلال أسبوع من إحالة الطلب، ويكتب تقرير الزيارة.' },
      ]);
      const uploaded = await upload(alpha.adminToken, docx, 'دليل البحث.docx', {
        title: 'دليل خدمات البحث الاجتماعي',
        kind: 'research_services_guide',
      });
      expect(uploaded.status).toBe(201);
      expect(await settled(alpha.adminToken, uploaded.body.id)).toMatchObject({ status: 'ready', format: 'docx', passageCount: 2 });
      const [hit] = await search(researcher.token, 'تقرير الزياره', '&kind=research_services_guide');
      expect(hit).toMatchObject({ documentId: uploaded.body.id, heading: 'الزيارة المنزلية', page: null, match: 'phrase' });
    });

    it('should read a PDF whose Arabic lines are stored in drawing order as presentation forms', async () => {
      const pdf = visualOrderPdf([
        { text: 'ﺔﻴﺳﺎﺳﻷا ﺔﺤﺋﻼﻟا', fontSize: 20 },
        { text: '.ﻦﻴﻋﻮﺒﺳأ ﻦﻋ ﻞﻘﺗ ﻻ ةﺪﻣ لﻼﺧ دﺮﻟا ﻢﺘﻳو', fontSize: 12 },
      ]);
      const uploaded = await upload(alpha.adminToken, pdf, 'old-scan.pdf', { title: 'اللائحة الأساسية', kind: 'bylaws' });
      await settled(alpha.adminToken, uploaded.body.id);
      const [hit] = await search(officer.token, 'الرد خلال مده', '&kind=bylaws');
      expect(hit).toMatchObject({ heading: 'اللائحة الأساسية', page: 1, text: 'ويتم الرد خلال مدة لا تقل عن أسبوعين.' });
    });

    it('should read a damaged OCR text file into clean passages', async () => {
      const uploaded = await upload(alpha.adminToken, OCR_POLICY, 'ocr.txt', { title: 'سياسة الجمعية التعليمية', kind: 'other' });
      const read = await settled(alpha.adminToken, uploaded.body.id);
      expect(read).toMatchObject({ status: 'ready', format: 'text' });
      const passages = await wasl.request<{ items: Array<{ heading: string | null; text: string }> }>(
        'GET',
        `/api/v1/knowledge/documents/${uploaded.body.id}/passages`,
        { token: officer.token },
      );
      expect(passages.body.items.map((passage) => passage.heading)).toEqual(expect.arrayContaining(['تمهيد', 'الهدف العام']));
      expect(passages.body.items.every((passage) => !/ {2}|\n\n/.test(passage.text))).toBe(true);
    });

    it('should refuse bad uploads with the field at fault, and officers’ uploads', async () => {
      const disguised = await upload(alpha.adminToken, PNG, 'اللائحة.pdf', { title: 'صورة', kind: 'bylaws' });
      expect(disguised.status).toBe(400);
      expect(disguised.body.fields).toEqual([expect.objectContaining({ field: 'file' })]);
      const tooLarge = await upload(
        alpha.adminToken,
        Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024)]),
        'big.pdf',
        {
          title: 'كبير',
          kind: 'bylaws',
        },
      );
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', fields: [{ field: 'file', message: 'must be at most 10 MB' }] });
      const unnamed = await upload(alpha.adminToken, chromiumPdf, undefined, { title: 'بلا اسم', kind: 'bylaws' });
      expect(unnamed.body.fields).toEqual([expect.objectContaining({ field: 'fileName' })]);
      const badFields = await upload(alpha.adminToken, chromiumPdf, 'a.pdf', { title: '', kind: 'minutes', readerRoles: 'officer,admin' });
      expect(badFields.status).toBe(400);
      expect(badFields.body.fields!.map((problem) => problem.field).sort()).toEqual(['kind', 'readerRoles', 'title']);
      expect((await upload(officer.token, chromiumPdf, 'a.pdf', { title: 'موظف', kind: 'bylaws' })).status).toBe(403);
    });

    it('should mark a file that cannot be read as failed, with the reason', async () => {
      const uploaded = await upload(alpha.adminToken, Buffer.from('%PDF-1.7\nthis is not a PDF body'), 'broken.pdf', {
        title: 'تالف',
        kind: 'other',
      });
      expect(uploaded.status).toBe(201);
      const read = await settled(alpha.adminToken, uploaded.body.id);
      expect(read.status).toBe('failed');
      expect(read.failureReason).toMatch(/could not be read/);
    });

    it('should keep a document named for researchers from officers, in the list, the search and by id', async () => {
      const article = await wasl.request<DocumentBody>('POST', '/api/v1/knowledge/articles', {
        token: alpha.adminToken,
        body: {
          title: 'ملاحظات الزيارة الميدانية',
          kind: 'research_services_guide',
          readerRoles: ['researcher'],
          body: '## الزيارة\nتُوثَّق الزيارة الميدانية بصور المسكن.',
        },
      });
      expect(article.status).toBe(201);
      await settled(alpha.adminToken, article.body.id);
      expect((await search(researcher.token, 'الزياره الميدانيه')).map((hit) => hit.documentId)).toContain(article.body.id);
      expect((await search(officer.token, 'الزياره الميدانيه')).map((hit) => hit.documentId)).not.toContain(article.body.id);
      expect((await wasl.request('GET', `/api/v1/knowledge/documents/${article.body.id}`, { token: officer.token })).status).toBe(404);
      const listed = await wasl.request<DocumentBody[]>('GET', '/api/v1/knowledge/documents', { token: officer.token });
      expect(listed.body.map((document) => document.id)).not.toContain(article.body.id);
      expect(listed.body.map((document) => document.id)).toContain(pdfId);
    });

    it('should read an edited article again and forget its old text', async () => {
      const created = await wasl.request<DocumentBody>('POST', '/api/v1/knowledge/articles', {
        token: alpha.adminToken,
        body: { title: 'مواعيد الاستقبال', kind: 'other', body: 'يستقبل المكتب المستفيدين من الأحد إلى الخميس.' },
      });
      await settled(alpha.adminToken, created.body.id);
      expect(await search(officer.token, 'الاحد الي الخميس')).toHaveLength(1);
      const edited = await wasl.request<DocumentBody>('PATCH', `/api/v1/knowledge/documents/${created.body.id}`, {
        token: alpha.adminToken,
        body: { body: 'يستقبل المكتب المستفيدين يوم السبت صباحاً.' },
      });
      expect(edited.body.status).toBe('pending');
      await settled(alpha.adminToken, created.body.id);
      expect(await search(officer.token, 'الاحد الي الخميس')).toHaveLength(0);
      expect((await search(officer.token, 'يوم السبت'))[0].documentId).toBe(created.body.id);
      const onUpload = await wasl.request<ErrorBody>('PATCH', `/api/v1/knowledge/documents/${pdfId}`, {
        token: alpha.adminToken,
        body: { body: 'نص' },
      });
      expect(onUpload.body.fields).toEqual([expect.objectContaining({ field: 'body' })]);
    });

    it('should show another organisation nothing: no list, no search, no document, passages or file by id', async () => {
      expect((await wasl.request<DocumentBody[]>('GET', '/api/v1/knowledge/documents', { token: beta.adminToken })).body).toEqual([]);
      expect(await search(beta.adminToken, 'لجنه البحث')).toEqual([]);
      for (const path of ['', '/passages', '/file']) {
        expect((await wasl.request('GET', `/api/v1/knowledge/documents/${pdfId}${path}`, { token: beta.adminToken })).status).toBe(404);
      }
      expect((await wasl.request('DELETE', `/api/v1/knowledge/documents/${pdfId}`, { token: beta.adminToken })).status).toBe(404);
      expect(
        (await wasl.request('PATCH', `/api/v1/knowledge/documents/${pdfId}`, { token: beta.adminToken, body: { title: 'x' } })).status,
      ).toBe(404);
    });

    it('should give the uploaded file back as stored, and delete a document with its passages', async () => {
      const file = await fetch(`${wasl.url}/api/v1/knowledge/documents/${pdfId}/file`, {
        headers: { authorization: `Bearer ${officer.token}` },
      });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await file.arrayBuffer()).equals(chromiumPdf)).toBe(true);
      expect((await wasl.request('DELETE', `/api/v1/knowledge/documents/${pdfId}`, { token: officer.token })).status).toBe(403);
      expect((await wasl.request('DELETE', `/api/v1/knowledge/documents/${pdfId}`, { token: alpha.adminToken })).status).toBe(204);
      expect((await search(officer.token, 'لجنه البحث لدراسه طلبه')).map((hit) => hit.documentId)).not.toContain(pdfId);
      const left = await wasl.dataSource.query('SELECT count(*)::int AS count FROM knowledge_passages WHERE document_id = $1', [pdfId]);
      expect(left[0].count).toBe(0);
    });
  });

  describe('canned replies', () => {
    let conversationId: string;
    let replyId: string;

    beforeAll(async () => {
      const inbox = await wasl.createApiInbox(alpha.adminToken);
      const access = await wasl.request('PUT', `/api/v1/inboxes/${inbox.id}/access`, {
        token: alpha.adminToken,
        body: { teamIds: [], userIds: [officer.id] },
      });
      expect(access.status).toBe(200);
      const providerId = `kb-${randomUUID()}`;
      expect(
        (await wasl.postSigned(inbox, { messageId: providerId, from: { id: 'user-kb', name: 'سارة القحطاني' }, text: 'متى يصدر القرار؟' }))
          .status,
      ).toBe(202);
      conversationId = await wasl.conversationOfMessage(providerId);
    });

    it('should refuse unknown variables and stray braces by field, and a shortcut already used', async () => {
      const unknown = await wasl.request<ErrorBody>('POST', '/api/v1/canned-replies', {
        token: alpha.adminToken,
        body: { title: 'خطأ', shortcut: '/خطأ', bodyAr: 'رقمك {{contact.phone}}', bodyEn: 'Hello {{contact.name' },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.fields).toEqual([
        { field: 'bodyAr', message: expect.stringContaining('unknown variable {{contact.phone}}') },
        { field: 'bodyEn', message: 'has a {{ or }} that is not part of a variable' },
      ]);
      const badShortcut = await wasl.request<ErrorBody>('POST', '/api/v1/canned-replies', {
        token: alpha.adminToken,
        body: { title: 'خطأ', shortcut: 'شكر', bodyAr: 'شكراً' },
      });
      expect(badShortcut.body.fields).toEqual([expect.objectContaining({ field: 'shortcut' })]);
    });

    it('should render a reply for a conversation with the beneficiary’s name, the number and blanks for what is not known', async () => {
      const created = await wasl.request<{ id: string }>('POST', '/api/v1/canned-replies', {
        token: alpha.adminToken,
        body: {
          title: 'موعد القرار',
          shortcut: '/قرار',
          bodyAr:
            'أهلاً {{contact.name}}، محادثتك رقم {{conversation.number}}. يصدر قرار طلبك {{request.number}} في {{decision.date}}. {{officer.name}}',
          bodyEn: 'Dear {{contact.name}}, the decision on request {{request.number}} is due {{decision.date}}.',
        },
      });
      expect(created.status).toBe(201);
      replyId = created.body.id;
      const again = await wasl.request<ErrorBody>('POST', '/api/v1/canned-replies', {
        token: alpha.adminToken,
        body: { title: 'نسخة', shortcut: '/قرار', bodyAr: 'نص' },
      });
      expect(again.status).toBe(409);
      expect(again.body.fields).toEqual([{ field: 'shortcut', message: 'is already used' }]);

      const listed = await wasl.request<Array<{ id: string }>>('GET', '/api/v1/canned-replies', { token: officer.token });
      expect(listed.body.map((reply) => reply.id)).toContain(replyId);
      const [{ number }] = await wasl.dataSource.query('SELECT number FROM conversations WHERE id = $1', [conversationId]);
      const rendered = await wasl.request<{ text: string; missing: string[]; language: string }>(
        'GET',
        `/api/v1/conversations/${conversationId}/canned-replies/${replyId}`,
        { token: officer.token },
      );
      expect(rendered.status).toBe(200);
      expect(rendered.body).toEqual({
        text: `أهلاً سارة القحطاني، محادثتك رقم ${number}. يصدر قرار طلبك [____] في [____]. officer user`,
        missing: ['request.number', 'decision.date'],
        language: 'ar',
      });
      const english = await wasl.request<{ text: string; language: string }>(
        'GET',
        `/api/v1/conversations/${conversationId}/canned-replies/${replyId}?language=en`,
        { token: officer.token },
      );
      expect(english.body).toMatchObject({ language: 'en', text: 'Dear سارة القحطاني, the decision on request [____] is due [____].' });
      const audited = await wasl.dataSource.query(
        "SELECT subject_id FROM audit_log WHERE action = 'canned_reply.rendered' AND actor_user_id = $1",
        [officer.id],
      );
      expect(audited.map((row: { subject_id: string }) => row.subject_id)).toEqual([conversationId, conversationId]);
    });

    it('should render nothing for a conversation outside the officer’s access or another organisation', async () => {
      const outsider = await wasl.createUser(alpha.adminToken, UserRole.Officer);
      expect(
        (await wasl.request('GET', `/api/v1/conversations/${conversationId}/canned-replies/${replyId}`, { token: outsider.token })).status,
      ).toBe(404);
      expect(
        (await wasl.request('GET', `/api/v1/conversations/${conversationId}/canned-replies/${replyId}`, { token: beta.adminToken })).status,
      ).toBe(404);
      expect((await wasl.request<unknown[]>('GET', '/api/v1/canned-replies', { token: beta.adminToken })).body).toEqual([]);
      expect(
        (await wasl.request('PATCH', `/api/v1/canned-replies/${replyId}`, { token: beta.adminToken, body: { title: 'x' } })).status,
      ).toBe(404);
    });

    it('should preview a body with sample values and its problems, for the editor', async () => {
      const preview = await wasl.request<{ text: string; missing: string[]; problems: string[] }>(
        'POST',
        '/api/v1/canned-replies/preview',
        {
          token: alpha.adminToken,
          body: { body: 'أهلاً {{contact.name}} {{contact.phone}}', language: 'ar' },
        },
      );
      expect(preview.status).toBe(200);
      expect(preview.body.text).toBe('أهلاً سارة القحطاني {{contact.phone}}');
      expect(preview.body.problems).toEqual([expect.stringContaining('{{contact.phone}}')]);
    });
  });
});
