import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import QRCode from 'qrcode';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { SurveyDefinition } from '@sipas/survey-definitions/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '../../server/src/config.ts';
import { createTokenKey, type CreatedTokenKey } from '../../server/src/features/tokens/token-keys.service.ts';
import { dossierTag, mintToken } from '../../server/src/features/tokens/receipt-token.ts';
import { resealSpentLedger } from '../../server/src/features/tokens/tokens.service.ts';
import { vietnamDate } from '../../server/src/local-date.ts';
import { answerAll } from '../support/answers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

const definition: SurveyDefinition = loadDefinitions().find(
  (d) => d.definition.key === 'sipas-2017' && d.definition.version === 1,
)!.definition;
const PUBLIC_URL = 'https://khaosat.cantho.example.vn';
const USED = 'Phiếu khảo sát này đã được sử dụng / This survey link has already been used';

describe.each(testDrivers())('receipt tokens on %s PostgreSQL', (driver) => {
  let t: TestApp;
  let key: CreatedTokenKey;
  let otherKey: CreatedTokenKey;
  beforeAll(async () => {
    // The per-token rate limit is tested in ingest.test.ts; here it would hide what the database guarantees.
    t = await createTestApp(driver, { publicUrl: PUBLIC_URL, rateLimits: { ...DEFAULT_RATE_LIMITS, tokenPerMinute: 1000 } });
    key = await createTokenKey(t.app.db, '92', vietnamDate(new Date()), 'iGate Cần Thơ');
    otherKey = await createTokenKey(t.app.db, '42', vietnamDate(new Date()));
  });
  afterAll(async () => t.close());

  const count = async (table: 'responses' | 'spent_tokens') =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.app.db)).rows[0]!.n;
  const mint = (body: Record<string, unknown>, apiKey: string | null = key.apiKey) =>
    t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      payload: body,
      headers: apiKey === null ? {} : { authorization: `Bearer ${apiKey}` },
    });
  const mintOk = async (body: Record<string, unknown> = {}) => {
    const res = await mint({ dossierRef: `000.00.92.H11-${randomUUID()}`, ...body });
    expect(res.statusCode).toBe(201);
    return res.json() as { token: string; url: string; expiresOn: string };
  };
  const submit = (token: string, extra: Record<string, unknown> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/responses',
      payload: { id: randomUUID(), token, survey: 'sipas-2017', version: 1, answers: answerAll(definition, 4), ...extra },
    });
  const status = (token: string) => t.app.inject({ method: 'GET', url: `/api/tokens/${token}` });

  it('mints a link, tells the page whose survey it is, takes one response and then says it is used', async () => {
    const minted = await mintOk({ dossierRef: '000.00.92.H11-250715-0001', procedure: '1.001193', channel: 'counter', validDays: 30 });
    expect(minted.url).toBe(`${PUBLIC_URL}/r/${minted.token}`);
    expect(minted.token).toMatch(/^[A-Za-z0-9_-]{80,140}$/);
    const today = vietnamDate(new Date());
    const expected = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(minted.expiresOn).toBe(expected);

    const before = await status(minted.token);
    expect(before.statusCode).toBe(200);
    expect(before.headers['cache-control']).toBe('no-store');
    expect(before.json()).toEqual({
      unit: { code: '92', nameVi: expect.any(String), nameEn: expect.any(String) },
      procedure: '1.001193',
      channel: 'counter',
      expiresOn: expected,
      used: false,
    });

    const id = randomUUID();
    const res = await submit(minted.token, { id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id });
    const stored = await t.app.db.selectFrom('responses').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const keyUnit = await t.app.db.selectFrom('token_keys').select('unit_id').where('id', '=', key.keyId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      unit_id: keyUnit.unit_id,
      channel: 'counter',
      procedure_code: '1.001193',
      from_receipt: true,
      local_date: expect.anything(),
    });

    expect((await status(minted.token)).json().used).toBe(true);
  });

  it('refuses a second response with the same token (409, clear message) and keeps the first', async () => {
    const { token } = await mintOk();
    const firstId = randomUUID();
    expect((await submit(token, { id: firstId, answers: answerAll(definition, 5) })).statusCode).toBe(201);
    const [responses, spent] = [await count('responses'), await count('spent_tokens')];

    const second = await submit(token, { answers: answerAll(definition, 1) });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ statusCode: 409, message: USED, issues: [{ path: 'token', message: 'used' }] });
    expect([await count('responses'), await count('spent_tokens')]).toEqual([responses, spent]);
    const first = await t.app.db.selectFrom('responses').select('answers').where('id', '=', firstId).executeTakeFirstOrThrow();
    expect(Object.values(first.answers).filter((v) => v === 5).length).toBeGreaterThan(0);
    expect(Object.values(first.answers)).not.toContain(1);
  });

  it('answers a retry of the accepted submission (same id and content) as before, not as a reuse', async () => {
    const { token } = await mintOk();
    const id = randomUUID();
    const answers = answerAll(definition, 3);
    expect((await submit(token, { id, answers })).statusCode).toBe(201);
    const retry = await submit(token, { id, answers });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    // The same id without the token is other content: a conflict, not a second response.
    const withoutToken = await t.app.inject({
      method: 'POST',
      url: '/api/responses',
      payload: { id, survey: 'sipas-2017', version: 1, unit: '92', channel: 'counter', answers },
    });
    expect(withoutToken.statusCode).toBe(409);
  });

  it('lets a dossier answer once even through two tokens minted for it', async () => {
    const dossierRef = `000.00.92.H11-${randomUUID()}`;
    const a = await mintOk({ dossierRef });
    const b = await mintOk({ dossierRef });
    expect(a.token).not.toBe(b.token);
    expect((await submit(a.token)).statusCode).toBe(201);
    expect((await status(b.token)).json().used).toBe(true);
    const second = await submit(b.token);
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toBe(USED);
  });

  it('stores exactly one of 20 concurrent submissions of one token', async () => {
    const { token } = await mintOk();
    const [responses, spent] = [await count('responses'), await count('spent_tokens')];
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(token)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, ...Array(19).fill(409)]);
    expect([await count('responses'), await count('spent_tokens')]).toEqual([responses + 1, spent + 1]);
  });

  describe('refuses forged, expired and withdrawn tokens, storing nothing', () => {
    const tamper = (token: string, from: string, to: string) => {
      const bytes = Buffer.from(token, 'base64url');
      const payload = bytes.subarray(0, -16).toString('ascii').replace(from, to);
      return Buffer.concat([Buffer.from(payload, 'ascii'), bytes.subarray(-16)]).toString('base64url');
    };
    const offline = (secret: string, keyId: string, over: Record<string, unknown> = {}) =>
      mintToken(secret, keyId, {
        unit: '92',
        procedure: null,
        channel: 'counter',
        issuedOn: vietnamDate(new Date()),
        validDays: 30,
        dossierTag: dossierTag(secret, `offline-${randomUUID()}`),
        nonce: 'AAAAAAAA',
        ...over,
      });

    it.each([
      ['a tampered payload (another unit)', async () => tamper((await mintOk()).token, '|92|', '|01|'), 400, 'bad-signature', 'not valid'],
      ['a tampered payload (longer validity)', async () => tamper((await mintOk({ validDays: 10 })).token, '|10|', '|99|'), 400, 'bad-signature', 'not valid'],
      ['a token signed with a wrong secret', async () => offline('not-the-secret-of-this-key-xxxxxxxxxxxxxxxxx', key.keyId), 400, 'bad-signature', 'not valid'],
      ['a token of an unknown key', async () => offline(key.secret, 'deadbeef'), 400, 'unknown-key', 'not valid'],
      ["a token of unit 92 signed with unit 42's key", async () => offline(otherKey.secret, otherKey.keyId), 400, 'wrong-unit', 'not valid'],
      ['garbage', async () => 'x'.repeat(40), 400, 'malformed', 'not valid'],
      ['an expired token', async () => offline(key.secret, key.keyId, { issuedOn: '2024-01-01', validDays: 30 }), 410, 'expired', 'expired'],
      ['a token issued in the future', async () => offline(key.secret, key.keyId, { issuedOn: '2099-01-01' }), 400, 'not-yet-valid', 'not valid yet'],
    ])('%s', async (_case, makeToken, statusCode, reason, words) => {
      const token = await makeToken();
      const [responses, spent] = [await count('responses'), await count('spent_tokens')];
      for (const res of [await submit(token), await status(token)]) {
        expect(res.statusCode).toBe(statusCode);
        expect(res.json().message).toContain(words);
        expect(res.json().issues).toEqual([{ path: 'token', message: reason }]);
      }
      expect([await count('responses'), await count('spent_tokens')]).toEqual([responses, spent]);
    });

    it('refuses the tokens of a revoked key, even ones already printed, and its API key', async () => {
      const doomed = await createTokenKey(t.app.db, '92', vietnamDate(new Date()));
      const res = await mint({ dossierRef: 'A-1' }, doomed.apiKey);
      expect(res.statusCode).toBe(201);
      const { token } = res.json();
      await t.app.db.updateTable('token_keys').set({ revoked_at: new Date() }).where('id', '=', doomed.keyId).execute();
      const responses = await count('responses');
      const refused = await submit(token);
      expect(refused.statusCode).toBe(410);
      expect(refused.json()).toMatchObject({ message: expect.stringContaining('withdrawn'), issues: [{ path: 'token', message: 'revoked' }] });
      expect(await count('responses')).toBe(responses);
      expect((await mint({ dossierRef: 'A-2' }, doomed.apiKey)).statusCode).toBe(401);
    });
  });

  it('takes unit, procedure and channel from the token and refuses a body that contradicts them', async () => {
    const { token } = await mintOk({ procedure: '1.001193', channel: 'online' });
    const responses = await count('responses');
    for (const [field, value] of [['unit', '01'], ['channel', 'counter'], ['procedure', '2.000635']] as const) {
      const res = await submit(token, { [field]: value });
      expect(res.statusCode).toBe(400);
      expect(res.json().issues).toEqual([{ path: field, message: expect.stringContaining('contradicts the receipt token') }]);
    }
    expect(await count('responses')).toBe(responses);
    expect((await status(token)).json().used).toBe(false);
    // Repeating what the token says is fine.
    expect((await submit(token, { unit: '92', channel: 'online', procedure: '1.001193' })).statusCode).toBe(201);
  });

  it('requires a client id with a token, so that a retry is recognised', async () => {
    const { token } = await mintOk();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/responses',
      payload: { token, survey: 'sipas-2017', version: 1, answers: answerAll(definition, 4) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([{ path: 'id', message: expect.stringContaining('required with a receipt token') }]);
  });

  describe('the mint API', () => {
    it.each([
      ['no Authorization header', null, 'required'],
      ['an unknown API key', 'sipas_thisIsNotAKeyThatExistsAnywhere00000000000', 'not valid'],
      ['a key that is not one', 'x', 'required'],
    ])('answers %s with 401', async (_case, apiKey, words) => {
      const res = await mint({ dossierRef: 'A-1' }, apiKey);
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="sipas"');
      expect(res.json().message).toContain(words);
      const batch = await t.app.inject({
        method: 'POST',
        url: '/api/tokens/batch',
        payload: { dossierRefs: ['A-1'] },
        headers: apiKey === null ? {} : { authorization: `Bearer ${apiKey}` },
      });
      expect(batch.statusCode).toBe(401);
    });

    it.each([
      ['no dossier reference', {}, 'dossierRef'],
      ['an unknown channel', { dossierRef: 'A', channel: 'fax' }, 'channel'],
      ['a procedure code with spaces', { dossierRef: 'A', procedure: '1 001193' }, 'procedure'],
      ['a procedure not in the catalogue', { dossierRef: 'A', procedure: '9.999999' }, 'procedure'],
      ['a validity over a year', { dossierRef: 'A', validDays: 400 }, 'validDays'],
      ['a control character in the reference', { dossierRef: 'A\u0000B' }, 'dossierRef'],
    ])('refuses %s with 400', async (_case, body, path) => {
      const res = await mint(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().issues.map((i: { path: string }) => i.path)).toContain(path);
    });

    it('mints a printable batch: one token and one QR code (SVG) per dossier', async () => {
      const refs = ['B-1', 'B-2', 'B-3'];
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/tokens/batch',
        payload: { dossierRefs: refs, procedure: '1.001193' },
        headers: { authorization: `Bearer ${key.apiKey}` },
      });
      expect(res.statusCode).toBe(201);
      const { tokens } = res.json() as { tokens: Array<{ dossierRef: string; token: string; url: string; qrSvg: string }> };
      expect(tokens.map((x) => x.dossierRef)).toEqual(refs);
      expect(new Set(tokens.map((x) => x.token)).size).toBe(3);
      for (const x of tokens) {
        expect(x.url).toBe(`${PUBLIC_URL}/r/${x.token}`);
        expect(x.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        expect(x.qrSvg).toBe(await QRCode.toString(x.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
        expect((await status(x.token)).json()).toMatchObject({ procedure: '1.001193', channel: 'counter', used: false });
      }
    });
  });

  describe('the ledger of spent dossiers', () => {
    it('holds a keyed hash and a Monday only: no response id, no token, no dossier tag, no unit', async () => {
      const dossierRef = `000.00.92.H11-${randomUUID()}`;
      const { token } = await mintOk({ dossierRef });
      const id = randomUUID();
      expect((await submit(token, { id })).statusCode).toBe(201);

      const columns = await sql<{ column_name: string; data_type: string }>`
        select column_name, data_type from information_schema.columns where table_name = 'spent_tokens' order by column_name`.execute(t.app.db);
      expect(columns.rows).toEqual([
        { column_name: 'spent_key', data_type: 'text' },
        { column_name: 'spent_week', data_type: 'date' },
      ]);
      const rows = await sql<{ spent_key: string; week: string; dow: number }>`
        select spent_key, to_char(spent_week, 'YYYY-MM-DD') as week, extract(isodow from spent_week)::int as dow from spent_tokens`.execute(t.app.db);
      const tag = dossierTag(key.secret, dossierRef);
      for (const row of rows.rows) {
        expect(row.dow).toBe(1);
        for (const secretish of [id, token, tag, dossierRef]) expect(row.spent_key).not.toContain(secretish);
      }
      // And the response knows nothing of the token.
      const responseColumns = await sql<{ column_name: string }>`
        select column_name from information_schema.columns where table_name = 'responses'`.execute(t.app.db);
      expect(responseColumns.rows.map((r) => r.column_name).filter((c) => /token|dossier|spent|secret/.test(c))).toEqual([]);
      const stored = await t.app.db.selectFrom('responses').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      for (const secretish of [token, tag, dossierRef]) expect(JSON.stringify(stored)).not.toContain(secretish);
    });

    it('once resealed, shares no transaction id with the responses', async () => {
      const { token } = await mintOk();
      const id = randomUUID();
      expect((await submit(token, { id })).statusCode).toBe(201);
      const xmins = async () => {
        const ledger = await sql<{ x: string }>`select xmin::text as x from spent_tokens`.execute(t.app.db);
        const response = await sql<{ x: string }>`select xmin::text as x from responses where id = ${id}`.execute(t.app.db);
        return { ledger: ledger.rows.map((r) => r.x), response: response.rows[0]!.x };
      };
      const before = await xmins();
      expect(before.ledger).toContain(before.response); // written in one transaction: the reason to reseal
      expect(await resealSpentLedger(t.app.db, new Date())).toBeGreaterThan(0);
      const after = await xmins();
      expect(after.ledger).not.toContain(after.response);
      expect(new Set(after.ledger).size).toBe(1);
      expect((await status(token)).json().used).toBe(true);
      expect((await submit(token)).statusCode).toBe(409);
    });
  });

  describe('the counter QR of a unit', () => {
    it('is an SVG QR code of the open questionnaire marked as the counter channel', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/units/92/counter-qr.svg' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(res.body).toBe(await QRCode.toString(`${PUBLIC_URL}/s/92?channel=counter`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
    });

    it('is 404 for an unknown unit', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/units/999/counter-qr.svg' });
      expect(res.statusCode).toBe(404);
    });

    it('works alongside receipt tokens: many counter responses, each stamped counter, none from a receipt', async () => {
      const post = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/responses',
          payload: { survey: 'sipas-2017', version: 1, unit: '92', channel: 'counter', answers: answerAll(definition, 4) },
          remoteAddress: '203.0.113.9',
        });
      const ids = [];
      for (let i = 0; i < 3; i++) {
        const res = await post();
        expect(res.statusCode).toBe(201);
        ids.push(res.json().id as string);
      }
      const rows = await t.app.db.selectFrom('responses').select(['channel', 'from_receipt']).where('id', 'in', ids).execute();
      expect(rows).toEqual(Array(3).fill({ channel: 'counter', from_receipt: false }));
    });
  });
});
