import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes .br and .gz next to each text asset, so the server sends compressed files without
 * compressing on every request (citizens are on slow mobile data).
 */
function precompress(): Plugin {
  return {
    name: 'sipas-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const file = path.join(options.dir!, fileName);
        const content = fs.readFileSync(file);
        fs.writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        fs.writeFileSync(`${file}.br`, brotliCompressSync(content));
      }
    },
  };
}

const apiTarget = process.env.SIPAS_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), precompress()],
  resolve: {
    alias: [
      {
        find: /^use-sync-external-store\/shim(\/index\.js)?$/,
        replacement: fileURLToPath(new URL('src/app/use-sync-external-store.ts', import.meta.url)),
      },
      {
        // Recharts (admin only) imports the shim's with-selector, whose CommonJS require of the shim above would
        // make the entry chunk export a namespace object (~450 bytes on /s/:unitCode). React 19 needs no shim.
        find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
        replacement: 'use-sync-external-store/with-selector.js',
      },
      {
        // Recharts reads d3-scale as a namespace object (`import * as`); from the ES build that needs a runtime
        // helper which rolldown puts in the entry chunk. The CommonJS build needs only helpers the entry has.
        find: /^victory-vendor\/d3-scale$/,
        replacement: createRequire(import.meta.url).resolve('victory-vendor/d3-scale'),
      },
    ],
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    // scripts/bundle-size.ts reads the manifest to sum the JavaScript that /s/:unitCode loads.
    manifest: true,
    emptyOutDir: true,
    target: 'es2022',
    // The public questionnaire loads on low-end phones over mobile data: warn early if a chunk grows.
    chunkSizeWarningLimit: 250,
    // No modulepreload polyfill in the entry chunk: browsers without modulepreload (Safari before 17) still load
    // every module, only without the head start; the /s/:unitCode budget keeps about 240 bytes.
    modulePreload: { polyfill: false },
  },
});
