import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../server/src/config.ts';
import { rememberLiveApp } from './admin-session.ts';
import { launchBrowser } from './browser.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import type { TestDriver } from './test-database.ts';

export interface LiveServer extends TestApp {
  url: string;
}

/** The real application listening on a free loopback port, with the built client, for a browser. */
export async function startLiveServer(driver: TestDriver = 'embedded', overrides: Partial<Config> = {}): Promise<LiveServer> {
  const t = await createTestApp(driver, overrides);
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  rememberLiveApp(address, t.app);
  return { ...t, url: address };
}

export interface BrowserTestContext {
  server: LiveServer;
  browser: import('playwright-core').Browser;
}

/**
 * Registers the usual end-to-end setup for a describe block: the app on a fresh embedded database
 * (with the client build from E2E_CLIENT_DIST when set) and a Chromium; both closed afterwards.
 */
export function useLiveServerAndBrowser(overrides: Partial<Config> = {}): BrowserTestContext {
  const context = {} as BrowserTestContext;
  beforeAll(async () => {
    const clientDist = process.env.E2E_CLIENT_DIST;
    context.server = await startLiveServer('embedded', { ...(clientDist ? { clientDist } : {}), ...overrides });
    context.browser = await launchBrowser();
  });
  afterAll(async () => {
    await context.browser?.close();
    await context.server?.close();
  });
  return context;
}
