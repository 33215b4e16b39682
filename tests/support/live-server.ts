import type { Config } from '../../server/src/config.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import type { TestDriver } from './test-database.ts';

export interface LiveServer extends TestApp {
  url: string;
}

/** The real application listening on a free loopback port, with the built client, for a browser. */
export async function startLiveServer(driver: TestDriver = 'embedded', overrides: Partial<Config> = {}): Promise<LiveServer> {
  const t = await createTestApp(driver, overrides);
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...t, url: address };
}
