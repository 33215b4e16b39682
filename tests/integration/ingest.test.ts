import { randomUUID } from 'node:crypto';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { SurveyDefinition } from '@sipas/survey-definitions/schema';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { createTokenKey, type CreatedTokenKey } from '../../server/src/features/tokens/token-keys.service.ts';
import { vietnamDate } from '../../server/src/local-date.ts';
import { answerAll } from '../support/answers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createServerDatabase, testDrivers } from '../support/test-database.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const definition: SurveyDefinition = loadDefinitions().find(
  (d) => d.definition.key === 'sipas-2017' && d.definition.version === 1,
)!.definition;
const answers = answerAll(definition, 4);

interface PostOptions {
  ip: string;
  device?: string;
}

describe.each(testDrivers())('ingest on %s PostgreSQL', (driver) => {
  describe('stamping', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(driver);
    });
    afterAll(async () => t.close());

    const post = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/responses', payload: { survey: 'sipas-2017', version: 1, unit: '92', answers, ...payload } });
    const stored = (id: string) =>
      t.app.db.selectFrom('responses').select(['channel', 'procedure_code', 'from_receipt']).where('id', '=', id).executeTakeFirstOrThrow();

    it('stamps a web response with channel web, no procedure, not from a receipt', async () => {
      const res = await post({});
      expect(res.statusCode).toBe(201);
      expect(await stored(res.json().id)).toEqual({ channel: 'web', procedure_code: null, from_receipt: false });
    });

    it('accepts an optional procedure code on a web response, stored as given', async () => {
      const res = await post({ procedure: '1.001193', channel: 'counter' });
      expect(res.statusCode).toBe(201);
      expect(await stored(res.json().id)).toEqual({ channel: 'counter', procedure_code: '1.001193', from_receipt: false });
    });

    it.each([
      ['a procedure code with spaces', { procedure: '1 001193' }, 'procedure'],
      ['a procedure not in the catalogue', { procedure: '9.999999' }, 'procedure'],
      ['an unknown channel', { channel: 'fax' }, 'channel'],
      ['a kiosk response without its client id', { channel: 'kiosk' }, 'id'],
      ['no unit and no token', { unit: undefined }, 'unit'],
      ['a token that is not one', { token: 'not a token', id: randomUUID() }, 'token'],
    ])('refuses %s with 400 naming %s', async (_case, payload, path) => {
      const res = await post(payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().issues.map((i: { path: string }) => i.path)).toContain(path);
    });

    it('accepts a kiosk response with its client id, once', async () => {
      const id = randomUUID();
      expect((await post({ id, channel: 'kiosk' })).statusCode).toBe(201);
      expect((await post({ id, channel: 'kiosk' })).headers['idempotent-replayed']).toBe('true');
      expect(await stored(id)).toMatchObject({ channel: 'kiosk' });
    });
  });

  describe('rate limits', () => {
    let t: TestApp;
    let key: CreatedTokenKey;
    beforeAll(async () => {
      t = await createTestApp(driver, { rateLimits: { ipPerMinute: 5, tokenPerMinute: 3, devicePerMinute: 2, counterPerHour: 2 } });
      key = await createTokenKey(t.app.db, '92', vietnamDate(new Date()));
    });
    afterAll(async () => t.close());

    const post = (payload: Record<string, unknown>, { ip, device }: PostOptions) =>
      t.app.inject({
        method: 'POST',
        url: '/api/responses',
        payload: { survey: 'sipas-2017', version: 1, answers, ...payload },
        remoteAddress: ip,
        headers: device ? { 'x-sipas-device': device } : {},
      });
    const mint = async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/tokens',
        payload: { dossierRef: randomUUID() },
        headers: { authorization: `Bearer ${key.apiKey}` },
      });
      return res.json().token as string;
    };
    const codes = async (n: number, make: (i: number) => Promise<{ statusCode: number }>) => {
      const out = [];
      for (let i = 0; i < n; i++) out.push((await make(i)).statusCode);
      return out;
    };

    it('limits one IP (429 with Retry-After and a clear message) and not its neighbour', async () => {
      expect(await codes(5, () => post({ unit: '92' }, { ip: '198.51.100.1' }))).toEqual([201, 201, 201, 201, 201]);
      const limited = await post({ unit: '92' }, { ip: '198.51.100.1' });
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.json().message).toMatch(/Too many requests; try again in \d+ s/);
      expect((await post({ unit: '92' }, { ip: '198.51.100.2' })).statusCode).toBe(201);
    });

    it('never blocks distinct receipt tokens behind one IP, even one whose own limit is spent', async () => {
      const ip = '198.51.100.3';
      expect(await codes(5, () => post({ unit: '92' }, { ip }))).toEqual(Array(5).fill(201));
      expect((await post({ unit: '92' }, { ip })).statusCode).toBe(429);
      const tokens = await Promise.all(Array.from({ length: 8 }, mint));
      expect(await codes(8, (i) => post({ token: tokens[i], id: randomUUID() }, { ip }))).toEqual(Array(8).fill(201));
    });

    it('limits one token on its own: used (409) until its limit, then 429', async () => {
      const token = await mint();
      const ip = '198.51.100.4';
      expect(await codes(5, () => post({ token, id: randomUUID() }, { ip }))).toEqual([201, 409, 409, 429, 429]);
      // The IP is not charged for it.
      expect((await post({ unit: '92' }, { ip })).statusCode).toBe(201);
    });

    it('counts forged tokens against the IP, so they cannot dodge its limit', async () => {
      const forged = `${(await mint()).slice(0, -4)}AAAA`;
      expect(await codes(6, () => post({ token: forged, id: randomUUID() }, { ip: '198.51.100.5' }))).toEqual([400, 400, 400, 400, 400, 429]);
    });

    it('limits a device by its own id, and a device id cannot lift its IP limit', async () => {
      const kiosk = randomUUID();
      expect(await codes(3, () => post({ unit: '92', channel: 'kiosk', id: randomUUID() }, { ip: '198.51.100.6', device: kiosk }))).toEqual([201, 201, 429]);
      const spoofed = await codes(6, () => post({ unit: '92', id: randomUUID() }, { ip: '198.51.100.7', device: randomUUID() }));
      expect(spoofed).toEqual([201, 201, 201, 201, 201, 429]);
    });

    it('limits counter-QR responses per IP and unit', async () => {
      const ip = '198.51.100.8';
      expect(await codes(3, () => post({ unit: '92', channel: 'counter' }, { ip }))).toEqual([201, 201, 429]);
      expect((await post({ unit: '42', channel: 'counter' }, { ip })).statusCode).toBe(201);
      expect((await post({ unit: '92', channel: 'web' }, { ip })).statusCode).toBe(201);
    });

    it('limits the public token lookup per IP', async () => {
      const token = await mint();
      const get = () => t.app.inject({ method: 'GET', url: `/api/tokens/${token}`, remoteAddress: '198.51.100.9' });
      expect(await codes(6, get)).toEqual([200, 200, 200, 200, 200, 429]);
    });
  });

  describe('with the default limits', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(driver);
    });
    afterAll(async () => t.close());

    it('serves forty kiosks behind one NAT address, each within its own limit', async () => {
      const kiosks = Array.from({ length: 40 }, () => randomUUID());
      const results = [];
      for (let round = 0; round < 2; round++) {
        for (const device of kiosks) {
          const res = await t.app.inject({
            method: 'POST',
            url: '/api/responses',
            payload: { id: randomUUID(), survey: 'sipas-2017', version: 1, unit: '92', channel: 'kiosk', answers },
            remoteAddress: '192.0.2.40',
            headers: { 'x-sipas-device': device },
          });
          results.push(res.statusCode);
        }
      }
      expect(results).toEqual(Array(80).fill(201));
    });
  });
});

// Several server processes (WORKERS) each group-commit their own batches: what must hold across them is
// enforced by the database, so it is tested against the real multi-process entry.
describe.each(testDrivers().filter((d) => d === 'postgres'))('ingest by a clustered server process (2 workers) on %s PostgreSQL', () => {
  let server: ServerProcess;
  let db: Kysely<Database>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createServerDatabase();
    drop = database.drop;
    server = await startServerProcess({
      DATABASE_URL: database.url,
      WORKERS: '2',
      DEMO_DATA: 'off',
      CLIENT_DIST: '/nonexistent',
      RATE_LIMIT_TOKEN_PER_MINUTE: '1000',
    });
    // The first worker answers health checks before the second one listens.
    for (let i = 0; i < 300 && !server.output().includes('2 server processes listening'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }) });
  }, 90_000);
  afterAll(async () => {
    await db?.destroy();
    if (server) expect(await server.stop()).toBe(0);
    await drop?.();
  });

  const post = (body: Record<string, unknown>) =>
    fetch(`${server.url}/api/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const count = async (table: 'responses' | 'spent_tokens') =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db)).rows[0]!.n;

  it('starts both workers', () => {
    expect(server.output()).toContain('2 server processes listening');
  });

  it('stores a response resubmitted 20 times concurrently once, and refuses other content under its id', async () => {
    const id = randomUUID();
    const before = await count('responses');
    const body = { id, survey: 'sipas-2017', version: 1, unit: '92', channel: 'kiosk', answers };
    const results = await Promise.all(Array.from({ length: 20 }, () => post(body)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(await count('responses')).toBe(before + 1);

    const conflicting = await post({ ...body, answers: answerAll(definition, 2) });
    expect(conflicting.status).toBe(409);
    expect(await count('responses')).toBe(before + 1);
  });

  it('takes one response per receipt token when different responses race for it', async () => {
    const key = await createTokenKey(db, '92', vietnamDate(new Date()));
    const minted = await fetch(`${server.url}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key.apiKey}` },
      body: JSON.stringify({ dossierRef: `000.00.92.H11-${randomUUID()}` }),
    });
    expect(minted.status).toBe(201);
    const { token } = (await minted.json()) as { token: string };
    const [responsesBefore, spentBefore] = [await count('responses'), await count('spent_tokens')];

    const results = await Promise.all(
      Array.from({ length: 12 }, () => post({ id: randomUUID(), token, survey: 'sipas-2017', version: 1, answers })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(11).fill(409)]);
    expect(await count('responses')).toBe(responsesBefore + 1);
    expect(await count('spent_tokens')).toBe(spentBefore + 1);
  });
});
