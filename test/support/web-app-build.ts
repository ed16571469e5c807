import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const WEB_SOURCE = /\.(ts|tsx|mts|css|html|json)$/;

function newestSourceTime(directory: string): number {
  return readdirSync(directory, { withFileTypes: true }).reduce((newest, entry) => {
    const full = join(directory, entry.name);
    if (entry.isDirectory()) return Math.max(newest, newestSourceTime(full));
    return WEB_SOURCE.test(entry.name) ? Math.max(newest, statSync(full).mtimeMs) : newest;
  }, 0);
}

// The browser suites test the built app the gateway serves; CI builds it first (`npm run build:web`), and a
// developer's missing or older build is rebuilt here so a test never runs against stale pages.
export function ensureWebAppBuilt(): void {
  const index = join(ROOT, 'dist', 'web', 'index.html');
  // The app bundles the wire types too (libs/wire).
  const newest = Math.max(newestSourceTime(join(ROOT, 'apps', 'web')), newestSourceTime(join(ROOT, 'libs', 'wire')));
  if (existsSync(index) && statSync(index).mtimeMs >= newest) return;
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'apps/web/vite.config.mts'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new Error(`npm run build:web failed:\n${build.stdout}\n${build.stderr}`);
}
