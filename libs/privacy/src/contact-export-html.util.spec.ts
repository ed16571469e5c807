import { renderContactExportHtml } from './contact-export-html.util';
import type { ContactExport } from './contact-privacy.service';

const AT = new Date('2026-11-26T10:00:00Z');

function exportOf(name: string, text: string): ContactExport {
  return {
    exportedAt: AT.toISOString(),
    contact: {
      id: 'c-1',
      name,
      phone: '+966501234567',
      phoneVerified: false,
      email: null,
      emailVerified: false,
      createdAt: AT,
      updatedAt: AT,
    },
    mergedContacts: [],
    supportRequests: [],
    otherRequests: [],
    beneficiaryFiles: [],
    identities: [{ kind: 'phone', value: '+966501234567', inboxId: null, createdAt: AT }],
    conversations: [],
    messages: [
      {
        id: 'm-1',
        conversationId: 'v-1',
        contactId: 'c-1',
        type: 'inbound' as never,
        text,
        attachments: [{ fileName: '"><img src=x onerror=alert(1)>.png' }],
        status: null,
        createdAt: AT,
      },
    ],
    calls: [],
    rawPayloads: [],
  };
}

describe(renderContactExportHtml.name, () => {
  it('should escape every value that came from a person, so the page never runs their markup', () => {
    const html = renderContactExportHtml(exportOf('<script>alert(1)</script>', `a & b </td><script>x</script> 'quoted'`));
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a &amp; b &lt;/td&gt;&lt;script&gt;x&lt;/script&gt; &#39;quoted&#39;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.png');
  });

  it('should be a right-to-left Arabic page with Gregorian and Umm al-Qura dates on Riyadh time, loading nothing', () => {
    const html = renderContactExportHtml(exportOf('سارة', 'مرحبا'));
    expect(html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    // 10:00 UTC is 1:00 pm in Riyadh; 26 November 2026 is 16 Jumada al-Akhirah 1448.
    expect(html).toContain('26 نوفمبر 2026');
    expect(html).toContain('16 جمادى الآخرة 1448 هـ');
    expect(html).toContain('1:00 م');
    expect(html).toContain('(غير موثّق)');
    expect(html).not.toMatch(/<link|<script|<img|url\(/);
  });
});
