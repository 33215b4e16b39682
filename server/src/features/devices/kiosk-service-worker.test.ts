import { describe, expect, it } from 'vitest';
import { kioskAssetUrls, kioskServiceWorkerSource, type ManifestChunk } from './kiosk-service-worker.ts';

// Shaped like Vite's manifest: the entry, a shared chunk, the kiosk and questionnaire chunks, the admin.
const manifest: Record<string, ManifestChunk> = {
  'index.html': { file: 'assets/index-A.js', isEntry: true, css: ['assets/index-A.css'] },
  '_shared-B.js': { file: 'assets/shared-B.js', imports: ['index.html'], css: ['assets/shared-B.css'] },
  'src/kiosk/kiosk-page.tsx': { file: 'assets/kiosk-page-C.js', imports: ['index.html', '_shared-B.js'], css: ['assets/kiosk-page-C.css'] },
  'src/questionnaire/questionnaire-page.tsx': { file: 'assets/questionnaire-page-D.js', imports: ['index.html', '_shared-B.js'] },
  'src/admin/admin-app.tsx': { file: 'assets/admin-app-E.js', imports: ['index.html'] },
};

describe('the kiosk service worker', () => {
  it('caches the entry and the kiosk chunk with their static imports and CSS, nothing else', () => {
    expect(kioskAssetUrls(manifest)).toEqual([
      '/assets/index-A.css',
      '/assets/index-A.js',
      '/assets/kiosk-page-C.css',
      '/assets/kiosk-page-C.js',
      '/assets/shared-B.css',
      '/assets/shared-B.js',
    ]);
  });

  it.each([
    ['no kiosk chunk', { 'index.html': manifest['index.html']! }],
    ['no entry', { 'src/kiosk/kiosk-page.tsx': manifest['src/kiosk/kiosk-page.tsx']! }],
  ])('has nothing to cache with %s', (_case, partial) => {
    expect(kioskAssetUrls(partial)).toBeUndefined();
  });

  it('names its cache after the build, so a new release replaces the old cache', () => {
    const urls = kioskAssetUrls(manifest)!;
    const source = kioskServiceWorkerSource(urls);
    expect(source).toContain(JSON.stringify(urls));
    expect(source).toContain('const SHELL = "/kiosk"');
    const cacheName = (s: string) => /const CACHE = "(sipas-kiosk-[0-9a-f]{8})"/.exec(s)?.[1];
    expect(cacheName(source)).toBe(cacheName(kioskServiceWorkerSource([...urls])));
    expect(cacheName(source)).not.toBe(cacheName(kioskServiceWorkerSource(['/assets/index-Z.js'])));
    // It must parse as a script (a syntax error would silently leave kiosks without offline start).
    expect(() => new Function(source)).not.toThrow();
  });
});
