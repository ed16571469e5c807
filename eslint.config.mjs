// @ts-check
import eslint from '@eslint/js';
import globals from 'globals';
import path from 'node:path';
import tseslint from 'typescript-eslint';

// The app or library a file belongs to (`apps/gateway`, `libs/contacts`), or undefined outside apps/ and libs/.
function packageOf(file) {
  const [area, name] = path.relative(import.meta.dirname, file).split(path.sep);
  return (area === 'apps' || area === 'libs') && name ? `${area}/${name}` : undefined;
}

// A relative import that leaves its own app or library (`../../worker/src/..`, `../../../libs/..`) skips the other
// side's barrel and its path alias: import `@app/<name>` instead. Specs may still reach test/support.
const noCrossPackageRelativeImport = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { crossing: '{{from}} imports {{to}} by a relative path: import its barrel (@app/...).' },
  },
  create(context) {
    const from = packageOf(context.filename);
    if (!from) return {};
    const isSpec = /\.(integration-)?spec\.ts$/.test(context.filename);
    const check = (source) => {
      if (typeof source?.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), source.value);
      const to = packageOf(target);
      const testSupport = !to && isSpec && path.relative(import.meta.dirname, target).startsWith(`test${path.sep}`);
      if (to !== from && !testSupport) context.report({ node: source, messageId: 'crossing', data: { from, to: to ?? source.value } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

const BARREL_ONLY = { group: ['@app/*/*', '!@app/*/entities'], message: 'Import the library barrel (@app/name) instead.' };
// A library's entities are its own: other code imports their types (to hold a row a service returned), never the
// classes, so it cannot query or write another module's tables. The value import is for entity relations,
// libs/database (registration, migrations) and tests.
const ENTITIES_AS_TYPES = {
  group: ['@app/*/entities'],
  allowTypeImports: true,
  message: "Another module's tables are read and written through its services; import entity types with `import type`.",
};
// apps/ hold no repositories, query builders or data sources: queries live in the library that owns the tables.
const NO_TYPEORM = {
  group: ['typeorm', 'typeorm/*', '@nestjs/typeorm'],
  message: "apps/ hold no typeorm handles: ask the owning library's service (see docs/architecture.md, Boundaries).",
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'var/**',
      'node_modules/**',
      'coverage/**',
      'test-artifacts/**',
      'libs/database/src/migrations/**',
      'apps/web/src/api/schema.d.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    plugins: { wasl: { rules: { 'no-cross-package-relative-import': noCrossPackageRelativeImport } } },
    rules: {
      'wasl/no-cross-package-relative-import': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // Other code imports a lib through its barrel (@app/inboxes), never its insides.
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [BARREL_ONLY, ENTITIES_AS_TYPES] }],
      // Only libs/config reads the environment.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through WaslConfig (libs/config).' },
      ],
    },
  },
  {
    // One job catalogue: every job is queued through JobQueue (libs/queue), which takes the queue, attempts, backoff
    // and job id from JOB_CATALOGUE; a queue handle elsewhere would choose its own options and skip the
    // provider-aware backoff.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/queue/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(add|addBulk|upsertJobScheduler)$/][callee.object.name=/[qQ]ueue/]',
          message: 'Queue jobs through JobQueue.enqueue (libs/queue), which reads JOB_CATALOGUE.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(add|addBulk|upsertJobScheduler)$/][callee.object.property.name=/[qQ]ueue/]',
          message: 'Queue jobs through JobQueue.enqueue (libs/queue), which reads JOB_CATALOGUE.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(addBulk|upsertJobScheduler)$/]',
          message: 'Queue jobs through JobQueue.enqueueBulk or JobQueue.schedule (libs/queue).',
        },
        {
          selector: "Decorator > CallExpression[callee.name='InjectQueue']",
          message: 'Inject JobQueue (libs/queue) instead of a BullMQ queue.',
        },
      ],
    },
  },
  {
    files: ['apps/gateway/**/*.ts', 'apps/worker/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [BARREL_ONLY, ENTITIES_AS_TYPES, NO_TYPEORM] }] },
  },
  {
    // Entity relations, entity registration and migrations, and tests take entity classes.
    files: ['**/*.entity.ts', 'libs/database/**/*.ts', 'test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [BARREL_ONLY] }] },
  },
  {
    files: ['libs/config/**/*.ts', 'test/**/*.ts', 'scripts/**/*.{ts,js}', '**/*.spec.ts', 'jest.config.js'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The wire types are bundled into the browser (staff app, widget): nothing framework-bound, nothing from other libs.
    files: ['libs/wire/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'class-validator', 'class-transformer', 'reflect-metadata', '@app/*', 'node:*'],
              message: 'libs/wire is framework-free: plain TypeScript types, enums and constants only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The staff web app runs in the browser.
    files: ['apps/web/**/*.{ts,tsx,mts}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
