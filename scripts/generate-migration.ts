// Generates one migration per driver from the entities: `npm run migration:generate -- AddReferralStatus`.
// Needs PostgreSQL (DATABASE_URL, an empty scratch database is best) for the postgres flavour; SQLite uses a temp file.
import 'reflect-metadata';
import { buildDataSourceOptions } from '@app/database';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, getMetadataArgsStorage } from 'typeorm';
import '../apps/gateway/src/gateway.module';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z]+$/.test(name)) {
  console.error('usage: npm run migration:generate -- VerbNoun   (PascalCase, e.g. AddReferralStatus)');
  process.exit(2);
}
const kind = (process.argv[3] ?? 'postgres') as 'postgres' | 'sqlite';
const timestamp = Date.now();

function entityClasses(): Function[] {
  return [...new Set(getMetadataArgsStorage().tables.map((table) => table.target as Function))];
}

function render(queries: { query: string; parameters?: unknown[] }[]): string {
  return queries
    .map(({ query, parameters }) =>
      parameters?.length
        ? `    await queryRunner.query(${JSON.stringify(query)}, ${JSON.stringify(parameters)});`
        : `    await queryRunner.query(${JSON.stringify(query)});`,
    )
    .join('\n');
}

async function main(): Promise<void> {
  const database =
    kind === 'postgres'
      ? { kind: 'postgres' as const, url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', poolSize: 2 }
      : { kind: 'sqlite' as const, path: join(mkdtempSync(join(tmpdir(), 'wasl-migration-')), 'schema.sqlite') };
  const dataSource = new DataSource(buildDataSourceOptions(database, entityClasses()));
  await dataSource.initialize();
  await dataSource.runMigrations();
  const sql = await dataSource.driver.createSchemaBuilder().log();
  await dataSource.destroy();
  if (sql.upQueries.length === 0) {
    console.log(`${kind}: entities and migrations agree; nothing to generate`);
    return;
  }
  const className = `${name}${timestamp}`;
  const folder = join(__dirname, '..', 'libs/database/src/migrations', kind);
  const file = `${timestamp}-${name}`;
  writeFileSync(
    join(folder, `${file}.ts`),
    `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${render(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${render([...sql.downQueries].reverse())}
  }
}
`,
  );
  const indexPath = join(folder, 'index.ts');
  const index = readFileSync(indexPath, 'utf8');
  const constant = kind === 'postgres' ? 'POSTGRES_MIGRATIONS' : 'SQLITE_MIGRATIONS';
  const imports = [...index.matchAll(/^import .*$/gm)].map((match) => match[0]);
  const classes = [...index.matchAll(/^\s+(\w+\d{13}),$/gm)].map((match) => match[1]);
  imports.push(`import { ${className} } from './${file}';`);
  classes.push(className);
  writeFileSync(
    indexPath,
    `${imports.join('\n')}\n\n// In order of application. Never edit a migration once it has landed; add a new one.\nexport const ${constant}: Function[] = [\n${classes.map((item) => `  ${item},`).join('\n')}\n];\n`,
  );
  console.log(`${kind}: wrote libs/database/src/migrations/${kind}/${file}.ts (${sql.upQueries.length} statements)`);
}

void main();
