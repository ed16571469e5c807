import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, Plugin } from 'vite';

const WEB_ROOT = import.meta.dirname;
const WEB_OUT_DIRECTORY = join(WEB_ROOT, '..', '..', 'dist', 'web');
const GATEWAY = 'http://localhost:3000';
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = join(directory, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

// The gateway serves .br/.gz next to each file (@fastify/static preCompressed), so compression costs nothing
// per request. Fonts (woff2) are compressed already.
function precompress(): Plugin {
  return {
    name: 'wasl-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of filesUnder(WEB_OUT_DIRECTORY).filter((name) => COMPRESSIBLE.test(name))) {
        const content = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

export default defineConfig({
  root: WEB_ROOT,
  base: '/',
  plugins: [precompress()],
  // The wire types shared with the gateway (libs/wire); apps/web/tsconfig.json has the same path.
  resolve: { alias: { '@app/wire': join(WEB_ROOT, '..', '..', 'libs', 'wire', 'src') } },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: WEB_OUT_DIRECTORY,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
    // Every asset is a file, so the Content-Security-Policy needs no data: fonts.
    assetsInlineLimit: 0,
    rolldownOptions: {
      // Mantine marks its modules "use client" for React Server Components; a single-page app has none.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': GATEWAY,
      '/docs': GATEWAY,
      '/health': GATEWAY,
      '/socket.io': { target: GATEWAY, ws: true },
    },
  },
});
