#!/usr/bin/env node
// `npm run screenshots`: runs the staff web app's browser suites (real gateway, PostgreSQL, Redis, Chromium) and
// copies the screenshots they save under test-artifacts/ to docs/images/, where the README shows them.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const SCREENSHOTS = [
  'web-inbox-ar.png',
  'web-inbox-en.png',
  'web-phone-conversation-ar.png',
  'web-login-ar.png',
  'web-overview-ar.png',
  'web-contact-panel-ar.png',
  'web-contact-panel-en.png',
  'web-merge-ar.png',
  'web-composer-knowledge-search-ar.png',
];
const SUITES = ['test/e2e/staff-web-app.e2e-spec.ts', 'test/e2e/staff-officer-tools.e2e-spec.ts', 'test/e2e/knowledge-browser.e2e-spec.ts'];

const suite = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--runInBand', '--selectProjects', 'e2e', '--', ...SUITES], {
  cwd: root,
  stdio: 'inherit',
});
if (suite.status !== 0) process.exit(suite.status ?? 1);
fs.mkdirSync(path.join(root, 'docs/images'), { recursive: true });
for (const name of SCREENSHOTS) {
  fs.copyFileSync(path.join(root, 'test-artifacts', name), path.join(root, 'docs/images', name));
  console.log(`docs/images/${name}`);
}
