import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { announceFirstAdmin } from '../../server/src/features/auth/first-admin.ts';
import { adminCreate } from '../support/server-process.ts';
import { createTestApp } from '../support/test-app.ts';
import { createServerDatabase, testDrivers, type TestDriver } from '../support/test-database.ts';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function databaseEnv(driver: TestDriver): Promise<Record<string, string>> {
  if (driver === 'embedded') {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sipas-admin-'));
    cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
    return { DATA_DIR: dir };
  }
  const database = await createServerDatabase();
  cleanups.push(database.drop);
  return { DATABASE_URL: database.url };
}

/** The app on the database the command used, as the server would open it. */
async function openApp(env: Record<string, string>): Promise<FastifyInstance> {
  return buildApp({ ...loadConfig({ ...env, CLIENT_DIST: '/nonexistent' }), logLevel: 'silent' });
}

async function signInStatus(app: FastifyInstance, login: string, password: string): Promise<number> {
  return (await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login, password } })).statusCode;
}

describe.each(testDrivers())('the first administrator on %s PostgreSQL', (driver) => {
  it('is created and printed once when the database has no account, and never again', async () => {
    const t = await createTestApp(driver);
    try {
      const printed: string[] = [];
      await announceFirstAdmin(t.app, (text) => printed.push(text));
      expect(printed).toHaveLength(1);
      const password = /First administrator created \(shown only this once\):\s+login\s+admin\s+password\s+(\S+)/.exec(printed[0]!)?.[1];
      expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
      expect(await signInStatus(t.app, 'admin', password!)).toBe(200);

      await announceFirstAdmin(t.app, (text) => printed.push(text));
      expect(printed).toHaveLength(1);
    } finally {
      await t.close();
    }
  }, 120_000); // the first test of a worker builds the migrated template database

  it('npm run admin:create adds system administrators, with a generated or a given password', async () => {
    const env = { ...(await databaseEnv(driver)), DEMO_DATA: 'off' };

    const usage = await adminCreate([], env);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/usage: npm run admin:create -- --login <name>/);

    const generated = await adminCreate(['--login', 'Chief', '--name', 'Trưởng phòng'], env);
    expect(generated.code).toBe(0);
    const password = /password\s+(\S+)/.exec(generated.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);

    const taken = await adminCreate(['--login', 'chief', '--password-stdin'], env, 'another-long-password\n');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/chief is taken/);

    const given = await adminCreate(['--login', 'second', '--password-stdin'], env, 'a-chosen-password\n');
    expect(given.code).toBe(0);
    expect(given.stdout).not.toMatch(/password\s/);

    const app = await openApp(env);
    try {
      expect(await signInStatus(app, 'chief', password!)).toBe(200);
      expect(await signInStatus(app, 'second', 'a-chosen-password')).toBe(200);
      const roles = await app.db.selectFrom('user_roles').select(['role', 'unit_id']).execute();
      expect(roles).toEqual([
        { role: 'system-admin', unit_id: null },
        { role: 'system-admin', unit_id: null },
      ]);
    } finally {
      await app.close();
    }
  }, 300_000);
});
