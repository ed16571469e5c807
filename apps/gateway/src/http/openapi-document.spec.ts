import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');

// The web app's client is generated from the committed document: a route or response shape changed without
// `npm run generate:api` must fail here, not in a browser. A child process, because openapi-typescript loads
// ES modules that jest's CommonJS runtime cannot.
describe('the web app’s committed OpenAPI document', () => {
  it('should match the document the gateway builds today, with types generated from it', () => {
    const check = spawnSync(process.execPath, ['scripts/run-ts.js', 'scripts/generate-web-api.ts', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
