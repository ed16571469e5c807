import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

// Debian's Chromium as root, headless, with nothing reaching out to Google's hosts (the machine has no internet,
// and the refused connections would otherwise pile up at every start).
export const CHROMIUM_ARGUMENTS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Page errors and console errors are findings; "Failed to load resource" is the browser's line for an expected
// 4xx answer (a wrong password, a refused field).
export function collectPageErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text().slice(0, 300));
  });
}

// axe-core in the page (evaluated through the debugging protocol, which the page's CSP does not restrict): the
// serious and critical violations, each with where and why.
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // The pointer left on a button would check its hover colour instead of the colour at rest.
  await page.mouse.move(0, 0);
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  }
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: () => Promise<{
            violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[]; failureSummary?: string }> }>;
          }>;
        };
      }
    ).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} (${node.failureSummary})`).join(', ')}`,
    );
}
