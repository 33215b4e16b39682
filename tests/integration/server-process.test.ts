import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import { afterAll, describe, expect, it } from 'vitest';
import { answerAll } from '../support/answers.ts';
import { createServerDatabase, testDrivers } from '../support/test-database.ts';
import { runServerProcessToExit, startServerProcess } from '../support/server-process.ts';

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

async function unitCount(url: string, code: string): Promise<number> {
  const { units } = (await (await fetch(`${url}/api/units`)).json()) as { units: Array<{ code: string; responseCount: number }> };
  return units.find((u) => u.code === code)!.responseCount;
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

    const second = await startServerProcess(env);
    try {
      expect(await unitCount(second.url, '92')).toBe(1);
    } finally {
      expect(await second.stop('SIGINT')).toBe(0);
    }
  });
});

describe('the server process with demo data', () => {
  it('seeds demo responses on the first embedded start only', async () => {
    const env = { ...(await databaseEnv('embedded')), CLIENT_DIST: '/nonexistent' };
    const first = await startServerProcess(env);
    const seeded = await unitCount(first.url, '92');
    expect(seeded).toBeGreaterThan(30);
    const results = await (await fetch(`${first.url}/api/results?survey=sipas-2017&unit=92`)).json();
    expect(results.overall.share).toBeGreaterThan(50);
    expect(await first.stop()).toBe(0);

    const second = await startServerProcess(env);
    try {
      expect(await unitCount(second.url, '92')).toBe(seeded);
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
