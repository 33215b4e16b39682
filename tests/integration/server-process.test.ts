import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import { afterAll, describe, expect, it } from 'vitest';
import { answerAll } from '../support/answers.ts';
import { createServerDatabase, testDrivers } from '../support/test-database.ts';
import { adminCreate, runServerProcessToExit, startServerProcess } from '../support/server-process.ts';

const definition = (await loadDefinitions()).find((d) => d.definition.key === 'sipas-2017')!.definition;
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function databaseEnv(driver: 'embedded' | 'postgres'): Promise<Record<string, string>> {
  if (driver === 'embedded') {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sipas-data-'));
    cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
    return { DATA_DIR: dir };
  }
  const database = await createServerDatabase();
  cleanups.push(database.drop);
  return { DATABASE_URL: database.url };
}

/** What the first start of the embedded database prints: the administrator `admin` and its password. */
const FIRST_ADMIN = /First administrator created \(shown only this once\):\s+login\s+admin\s+password\s+(\S+)/;

/** A session cookie of a system administrator signed in at `url`. */
async function signIn(url: string, login: string, password: string): Promise<string> {
  const signedIn = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  expect(signedIn.status).toBe(200);
  return signedIn.headers.get('set-cookie')!.split(';')[0]!;
}

/** The responses a unit has, as an administrator sees them in the unit list. */
async function unitCount(url: string, cookie: string, code: string): Promise<number> {
  const { units } = (await (await fetch(`${url}/api/units`, { headers: { cookie } })).json()) as {
    units: Array<{ code: string; responseCount: number }>;
  };
  return units.find((u) => u.code === code)!.responseCount;
}

/** The embedded database's first administrator (printed at its first start), or one made by admin:create. */
async function administrator(driver: 'embedded' | 'postgres', env: Record<string, string>, firstOutput: string) {
  if (driver === 'embedded') return { login: 'admin', password: FIRST_ADMIN.exec(firstOutput)![1]! };
  const password = 'restart-test-password';
  expect((await adminCreate(['--login', 'restarter', '--password-stdin'], env, password)).code).toBe(0);
  return { login: 'restarter', password };
}

describe.each(testDrivers())('the server process on %s PostgreSQL', (driver) => {
  it('keeps a submitted response across a graceful restart', async () => {
    const env = { ...(await databaseEnv(driver)), DEMO_DATA: 'off', CLIENT_DIST: '/nonexistent' };
    const first = await startServerProcess(env);
    const health = await (await fetch(`${first.url}/api/health`)).json();
    expect(health).toEqual({ status: 'ok', database: driver });

    const posted = await fetch(`${first.url}/api/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ survey: 'sipas-2017', version: 1, unit: '92', answers: answerAll(definition, 4) }),
    });
    expect(posted.status).toBe(201);
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.output()).toContain('closing');
    // The first administrator is printed on the first start of the embedded database only.
    expect(FIRST_ADMIN.test(first.output())).toBe(driver === 'embedded');

    const { login, password } = await administrator(driver, env, first.output());
    const second = await startServerProcess(env);
    try {
      expect(await unitCount(second.url, await signIn(second.url, login, password), '92')).toBe(1);
      expect(second.output()).not.toMatch(/First administrator/);
    } finally {
      expect(await second.stop('SIGINT')).toBe(0);
    }
  });
});

describe('the server process with demo data', () => {
  it('seeds demo responses on the first embedded start only', async () => {
    const env = { ...(await databaseEnv('embedded')), CLIENT_DIST: '/nonexistent' };
    const first = await startServerProcess(env);
    const password = FIRST_ADMIN.exec(first.output())![1]!;
    const cookie = await signIn(first.url, 'admin', password);
    const seeded = await unitCount(first.url, cookie, '92');
    expect(seeded).toBeGreaterThan(30);
    const results = await (await fetch(`${first.url}/api/results?survey=sipas-2017&unit=92`, { headers: { cookie } })).json();
    expect(results.overall.share).toBeGreaterThan(50);
    expect(await first.stop()).toBe(0);

    const second = await startServerProcess(env);
    try {
      expect(await unitCount(second.url, await signIn(second.url, 'admin', password), '92')).toBe(seeded);
    } finally {
      await second.stop();
    }
  });
});

describe('the server process with bad configuration', () => {
  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA'],
  ])('%j stops start with a message naming %s', async (env, variable) => {
    const { code, output } = await runServerProcessToExit(env);
    expect(code).toBe(1);
    expect(output).toContain('Invalid configuration');
    expect(output).toContain(variable);
  });
});
