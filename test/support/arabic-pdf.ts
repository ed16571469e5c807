import { chromium } from 'playwright-core';
import { CHROMIUM_ARGUMENTS } from './chromium-page';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// A real Arabic PDF, printed by Chromium from a right-to-left page: short lines ending with a colon become
// headings, other paragraphs stay paragraphs, as the policies are laid out.
export async function printArabicPdf(text: string): Promise<Buffer> {
  const html = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) =>
      /:$/.test(paragraph) && paragraph.length < 90
        ? `<h2>${escapeHtml(paragraph)}</h2>`
        : paragraph
            .split('\n')
            .map((line) => `<p>${escapeHtml(line)}</p>`)
            .join(''),
    )
    .join('\n');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGUMENTS });
  try {
    const page = await browser.newPage();
    await page.setContent(
      `<!doctype html><html lang="ar" dir="rtl"><body style="font-family: sans-serif; font-size: 14px">${html}</body></html>`,
    );
    return await page.pdf({ format: 'A4' });
  } finally {
    await browser.close();
  }
}
