// `npm run generate:api` writes apps/web/src/api/openapi.json and schema.d.ts (commit both);
// `npm run generate:api -- --check` only says whether the committed files are stale (exit 1 if so).
import { readFileSync, writeFileSync } from 'node:fs';
import { OPENAPI_FILE, renderWebApiFiles, SCHEMA_TYPES_FILE } from './web-api-files';

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

async function main(): Promise<void> {
  const { openApiJson, schemaTypes } = await renderWebApiFiles();
  const files = [
    { file: OPENAPI_FILE, content: openApiJson },
    { file: SCHEMA_TYPES_FILE, content: schemaTypes },
  ];
  if (process.argv.includes('--check')) {
    const stale = files.filter(({ file, content }) => readOrEmpty(file) !== content).map(({ file }) => file);
    if (stale.length > 0) {
      console.error(`Stale, run \`npm run generate:api\` and commit: ${stale.join(', ')}`);
      process.exit(1);
    }
    console.log('The web app’s API files match the gateway.');
    return;
  }
  for (const { file, content } of files) writeFileSync(file, content);
  console.log(`Wrote ${OPENAPI_FILE} and ${SCHEMA_TYPES_FILE}`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
