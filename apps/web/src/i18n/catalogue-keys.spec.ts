import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { kindsAr } from '../request-kinds/kinds-ar.catalogue';
import { requestsAr } from '../requests/requests-ar.catalogue';
import { ar } from './ar.catalogue';

const SOURCE = join(__dirname, '..');
// The requests pages bring their words with their chunk, under `requests` (requests-page.tsx).
const CATALOGUE = { ...ar, requests: requestsAr, kinds: kindsAr };

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = join(directory, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

function lookUp(key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), CATALOGUE);
}

// i18next takes any string as a key and shows the key itself when it is missing; this finds such a key before a
// page does. Written-out keys must name a string; the fixed start of a built key (`admin.tabs.${tab}`) an object.
describe('catalogue keys', () => {
  const files = sourceFiles(SOURCE);

  it('should find in the catalogue every key the pages write out', () => {
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) {
        if (typeof lookUp(match[1]) !== 'string') missing.push(`${file.slice(SOURCE.length + 1)}: ${match[1]}`);
      }
      for (const match of text.matchAll(/\bt\(\s*`([a-zA-Z][\w.]*)\.\$\{/g)) {
        const node = lookUp(match[1]);
        if (!node || typeof node !== 'object') missing.push(`${file.slice(SOURCE.length + 1)}: ${match[1]}.*`);
      }
    }
    expect(missing).toEqual([]);
  });
});
