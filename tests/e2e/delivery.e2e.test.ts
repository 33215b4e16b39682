import { describe, expect, it } from 'vitest';
import { useLiveServerAndBrowser } from '../support/live-server.ts';

// How the built client reaches a phone: compressed, cacheable assets; client-side routes served index.html.
describe('delivery of the web client', () => {
  const t = useLiveServerAndBrowser();

  it('serves pages and assets pre-compressed, assets cached for a year and pages revalidated', async () => {
    const page = await fetch(`${t.server.url}/s/92`, { headers: { 'accept-encoding': 'br' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-encoding')).toBe('br');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();

    const asset = await fetch(`${t.server.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('answers a missing asset with 404, not the page', async () => {
    const res = await fetch(`${t.server.url}/assets/missing-123.js`);
    expect(res.status).toBe(404);
  });

  it('loads no admin code on the questionnaire route', async () => {
    const context = await t.browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${t.server.url}/s/92`);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((url) => /admin/i.test(url))).toEqual([]);
    await context.close();
  });
});
