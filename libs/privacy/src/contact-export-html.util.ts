import type { ContactExport } from './contact-privacy.service';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Everything in the page that came from a person or a provider passes through here.
function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

// Saudi readers expect both calendars: Umm al-Qura is the official Hijri calendar, Riyadh the association's clock.
const GREGORIAN = new Intl.DateTimeFormat('ar-SA-u-ca-gregory-nu-latn', { timeZone: 'Asia/Riyadh', dateStyle: 'long', timeStyle: 'short' });
const HIJRI = new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'Asia/Riyadh',
  dateStyle: 'long',
  timeStyle: 'short',
});

function dates(value: Date | string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return `<time datetime="${escapeHtml(date.toISOString())}">${escapeHtml(GREGORIAN.format(date))}<br><span class="hijri">${escapeHtml(
    HIJRI.format(date),
  )}</span></time>`;
}

const LABELS: Record<string, string> = {
  inbound: 'من المستفيد',
  outbound: 'من الجمعية',
  note: 'ملاحظة داخلية',
  phone: 'رقم الجوال',
  email: 'البريد الإلكتروني',
  external: 'معرّف في القناة',
  open: 'مفتوحة',
  pending: 'معلّقة',
  resolved: 'محلولة',
  closed: 'مغلقة',
  inboundCall: 'واردة',
  outboundCall: 'صادرة',
};

function label(key: string): string {
  return escapeHtml(LABELS[key] ?? key);
}

function table(headings: string[], rows: string[][]): string {
  if (rows.length === 0) return '<p class="empty">لا يوجد</p>';
  const head = headings.map((heading) => `<th scope="col">${heading}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

// A readable copy of a beneficiary's data for a PDPL access request: one self-contained, right-to-left Arabic page
// (no scripts, no external resources) that can be printed to PDF from any browser.
export function renderContactExportHtml(data: ContactExport): string {
  const contact = data.contact;
  const numbers = new Map(data.conversations.map((conversation) => [conversation.id, conversation.number]));
  const profile = table(
    ['البيان', 'القيمة'],
    [
      ['الاسم', `<bdi>${escapeHtml(contact.name ?? '—')}</bdi>`],
      [
        'رقم الجوال',
        `<bdi dir="ltr">${escapeHtml(contact.phone ?? '—')}</bdi>${contact.phone && !contact.phoneVerified ? ' (غير موثّق)' : ''}`,
      ],
      [
        'البريد الإلكتروني',
        `<bdi dir="ltr">${escapeHtml(contact.email ?? '—')}</bdi>${contact.email && !contact.emailVerified ? ' (غير موثّق)' : ''}`,
      ],
      ['تاريخ التسجيل', dates(contact.createdAt)],
      ['آخر تحديث', dates(contact.updatedAt)],
      ['المعرّف', `<bdi dir="ltr">${escapeHtml(contact.id)}</bdi>`],
    ],
  );
  const merged = table(
    ['الاسم', 'رقم الجوال', 'البريد الإلكتروني', 'تاريخ التسجيل'],
    data.mergedContacts.map((other) => [
      `<bdi>${escapeHtml(other.name ?? '—')}</bdi>`,
      `<bdi dir="ltr">${escapeHtml(other.phone ?? '—')}</bdi>`,
      `<bdi dir="ltr">${escapeHtml(other.email ?? '—')}</bdi>`,
      dates(other.createdAt),
    ]),
  );
  const identities = table(
    ['النوع', 'القيمة', 'تاريخ الإضافة'],
    data.identities.map((identity) => [
      label(identity.kind),
      `<bdi dir="ltr">${escapeHtml(identity.value)}</bdi>`,
      dates(identity.createdAt),
    ]),
  );
  const conversations = table(
    ['رقم الطلب', 'القناة', 'الحالة', 'تاريخ الفتح', 'تاريخ الحل'],
    data.conversations.map((conversation) => [
      escapeHtml(conversation.number),
      escapeHtml(conversation.channel),
      label(conversation.status),
      dates(conversation.createdAt),
      dates(conversation.resolvedAt),
    ]),
  );
  const messages = table(
    ['رقم الطلب', 'الاتجاه', 'النص', 'المرفقات', 'التاريخ'],
    data.messages.map((message) => [
      escapeHtml(numbers.get(message.conversationId) ?? '—'),
      label(message.type),
      `<div dir="auto" class="text">${escapeHtml(message.text)}</div>`,
      (message.attachments ?? []).map((file) => `<bdi>${escapeHtml(file.fileName ?? file.contentType ?? 'مرفق')}</bdi>`).join('<br>') ||
        '—',
      dates(message.createdAt),
    ]),
  );
  const calls = table(
    ['الاتجاه', 'من', 'إلى', 'الحالة', 'المدة (ثانية)', 'التاريخ', 'ملاحظات'],
    data.calls.map((call) => [
      label(call.direction === 'inbound' ? 'inboundCall' : 'outboundCall'),
      `<bdi dir="ltr">${escapeHtml(call.fromNumber)}</bdi>`,
      `<bdi dir="ltr">${escapeHtml(call.toNumber)}</bdi>`,
      escapeHtml(call.status),
      escapeHtml(call.durationSeconds ?? '—'),
      dates(call.startedAt),
      `<div dir="auto">${escapeHtml([call.transcription, call.notes].filter(Boolean).join(' — ') || '—')}</div>`,
    ]),
  );
  const supportRequests = table(
    ['رقم طلب الدعم', 'النوع', 'الحالة', 'البيانات المقدّمة', 'المستندات', 'تاريخ التقديم'],
    data.supportRequests.map((request) => [
      escapeHtml(request.number),
      `<bdi>${escapeHtml(request.type)}</bdi>`,
      escapeHtml(request.state),
      `<div dir="auto" class="text">${escapeHtml(JSON.stringify(request.values, null, 1))}</div>`,
      request.documents.map((document) => `<bdi>${escapeHtml(document.fileName)}</bdi>`).join('<br>') || '—',
      dates(request.createdAt),
    ]),
  );
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>نسخة من بيانات المستفيد</title>
<style>
body { font-family: "Noto Naskh Arabic", "Segoe UI", Tahoma, sans-serif; margin: 2rem; line-height: 1.6; color: #1b1b1b; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-block-start: 2rem; border-block-end: 1px solid #ccc; }
table { border-collapse: collapse; inline-size: 100%; margin-block: 0.5rem; }
th, td { border: 1px solid #ccc; padding: 0.35rem 0.6rem; text-align: start; vertical-align: top; }
th { background: #f3f3f3; } .hijri { color: #555; font-size: 0.9em; } .text { white-space: pre-wrap; }
.empty { color: #777; } @media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>نسخة من البيانات الشخصية المحفوظة عن المستفيد</h1>
<p>أُعدّت هذه النسخة بتاريخ ${dates(data.exportedAt)} وفق نظام حماية البيانات الشخصية.</p>
<h2>بيانات المستفيد</h2>
${profile}
<h2>سجلات مدمجة</h2>
${merged}
<h2>وسائل التواصل</h2>
${identities}
<h2>الطلبات والمحادثات (${data.conversations.length})</h2>
${conversations}
<h2>الرسائل (${data.messages.length})</h2>
${messages}
<h2>المكالمات (${data.calls.length})</h2>
${calls}
<h2>طلبات الدعم (${data.supportRequests.length})</h2>
${supportRequests}
</body>
</html>
`;
}
