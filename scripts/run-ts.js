#!/usr/bin/env node
// Runs a TypeScript file (benchmarks, maintenance scripts) without a build: swc compiles each module as it
// is required, and the tsconfig path aliases (@app/*) resolve to libs/.
const path = require('node:path');
const { transformSync } = require('@swc/core');
const tsconfigPaths = require('tsconfig-paths');
const tsconfig = require('../tsconfig.json');

tsconfigPaths.register({ baseUrl: path.resolve(__dirname, '..'), paths: tsconfig.compilerOptions.paths });

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = require('node:fs').readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
  });
  module._compile(code, filename);
};

const [script, ...rest] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/run-ts.js <file.ts> [arguments]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(script), ...rest];
require(path.resolve(script));
