// @ts-check
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // Other code imports a lib through its barrel (@app/inboxes), never its insides.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@app/*/*'], message: 'Import the library barrel (@app/name) instead.' }] },
      ],
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
