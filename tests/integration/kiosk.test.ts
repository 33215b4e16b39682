import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { SurveyDefinition } from '@sipas/survey-definitions/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskResponseBody } from '../../server/src/api/devices.schemas.ts';
import { CreateResponseBody } from '../../server/src/api/responses.schemas.ts';
import {
  createDevice,
  listDevices,
  reissueEnrolmentCode,
  revokeDevice,
  type IssuedEnrolment,
} from '../../server/src/features/devices/devices.service.ts';
import { loadSurveyCatalog } from '../../server/src/features/surveys/surveys.service.ts';
import { vietnamDate } from '../../server/src/local-date.ts';
import { answerAll } from '../support/answers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

const definition: SurveyDefinition = loadDefinitions().find(
  (d) => d.definition.key === 'sipas-2017' && d.definition.version === 1,
)!.definition;
const NOT_ENROLLED = 'Thiết bị chưa được đăng ký hoặc đã bị thu hồi / This device is not enrolled or has been revoked';

describe.each(testDrivers())('kiosk devices on %s PostgreSQL', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t.close());

  const catalog = () => loadSurveyCatalog(t.app.db);
  const newDevice = async (input: Partial<Parameters<typeof createDevice>[2]> = {}, now = new Date()) =>
    createDevice(t.app.db, await catalog(), { unitCode: '92', name: 'Quầy 1', ...input }, now);
  // Each exchange from its own address: the per-IP limit on enrolment is tested on its own below.
  let address = 0;
  const enrol = (code: string, remoteAddress = `10.0.${Math.floor(++address / 250)}.${address % 250}`) =>
    t.app.inject({ method: 'POST', url: '/api/kiosk/enrol', payload: { code }, remoteAddress });
  const enrolled = async (input: Partial<Parameters<typeof createDevice>[2]> = {}) => {
    const issued = await newDevice(input);
    const res = await enrol(issued.code);
    expect(res.statusCode).toBe(201);
    return { issued, credential: (res.json() as { credential: string }).credential };
  };
  const asDevice = (credential: string | null) => (credential === null ? {} : { authorization: `Device ${credential}` });
  const config = (credential: string | null) => t.app.inject({ method: 'GET', url: '/api/kiosk/config', headers: asDevice(credential) });
  const respond = (credential: string | null, body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/kiosk/responses', headers: asDevice(credential), payload: body });
  const heartbeat = (credential: string | null, body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/kiosk/heartbeat', headers: asDevice(credential), payload: body });
  const kioskBody = (over: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    survey: 'sipas-2017',
    version: 1,
    locale: 'vi',
    answers: answerAll(definition, 4),
    ...over,
  });
  const unitId = async (code: string) =>
    (
      await t.app.db
        .selectFrom('units')
        .select('id')
        .where('code', '=', code)
        .where('valid_to', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;
  const countResponses = async () => (await sql<{ n: number }>`select count(*)::int as n from responses`.execute(t.app.db)).rows[0]!.n;

  describe('enrolment', () => {
    it('issues a one-time code for a unit and exchanges it once for a credential and the configuration', async () => {
      const issued = await newDevice({ name: 'Quầy 1', idleSeconds: 45 });
      expect(issued.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(issued.path).toBe(`/kiosk?enrol=${issued.code}`);
      expect(issued.device).toMatchObject({ unitCode: '92', name: 'Quầy 1', surveyKey: 'sipas-2017', idleSeconds: 45 });

      const res = await enrol(issued.code);
      expect(res.statusCode).toBe(201);
      expect(res.headers['cache-control']).toBe('no-store');
      const body = res.json() as { credential: string; config: unknown };
      expect(body.credential).toMatch(/^kiosk_[A-Za-z0-9_-]{43}$/);
      expect(body.config).toEqual({
        device: { id: issued.device.id, name: 'Quầy 1' },
        unit: { code: '92', nameVi: 'Cần Thơ', nameEn: 'Can Tho', fullNameVi: 'Thành phố Cần Thơ' },
        survey: { key: 'sipas-2017', version: 1 },
        idleSeconds: 45,
      });

      // Only hashes are stored, and the code is spent.
      const row = await t.app.db.selectFrom('kiosk_devices').selectAll().where('id', '=', issued.device.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(body.credential);
      expect(row.credential_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.enrol_code_hash).toBeNull();
      expect(row.enrolled_at).not.toBeNull();

      const again = await enrol(issued.code);
      expect(again.statusCode).toBe(400);
      expect(again.json()).toMatchObject({ message: expect.stringContaining('not valid or has expired'), issues: [{ path: 'code' }] });
    });

    it('reads a typed code forgivingly: lower case, spaces instead of dashes', async () => {
      const issued = await newDevice();
      expect((await enrol(issued.code.toLowerCase().replaceAll('-', ' '))).statusCode).toBe(201);
    });

    it('refuses an expired code', async () => {
      const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
      const issued = await newDevice({ codeValidMinutes: 60 }, twoHoursAgo);
      const res = await enrol(issued.code);
      expect(res.statusCode).toBe(400);
      expect(res.json().issues).toEqual([{ path: 'code', message: 'unknown, used or expired' }]);
    });

    it.each([['ABCD-EFGH-JKMN'], ['not a code'], ['ABCD-EFGH-JKMU']])('refuses an unknown or malformed code %s', async (code) => {
      expect((await enrol(code)).statusCode).toBe(400);
    });

    it('gives one credential for one code even to ten concurrent exchanges', async () => {
      const issued = await newDevice();
      const codes = (await Promise.all(Array.from({ length: 10 }, () => enrol(issued.code)))).map((r) => r.statusCode).sort();
      expect(codes).toEqual([201, ...Array(9).fill(400)]);
    });

    it.each([
      ['an unknown unit', { unitCode: '999' }, 'unit'],
      ['an unknown survey', { surveyKey: 'no-such-survey' }, 'survey'],
      ['an idle time under 3 s', { idleSeconds: 2 }, 'idleSeconds'],
      ['an idle time over an hour', { idleSeconds: 3601 }, 'idleSeconds'],
      ['a blank name', { name: '  ' }, 'name'],
    ])('refuses to create a device with %s', async (_case, input, field) => {
      await expect(newDevice(input)).rejects.toMatchObject({ statusCode: 400, issues: [expect.objectContaining({ path: field })] });
    });

    it('slows down guessing: 20 attempts per minute per address, then 429', async () => {
      const codes = [];
      for (let i = 0; i < 21; i++) codes.push((await enrol('ABCD-EFGH-JKMN', '203.0.113.7')).statusCode);
      expect(codes).toEqual([...Array(20).fill(400), 429]);
    });

    it('re-issues a code for a reset tablet; its exchange replaces the old credential', async () => {
      const { issued, credential: old } = await enrolled();
      const again: IssuedEnrolment = await reissueEnrolmentCode(t.app.db, issued.device.id, new Date());
      expect(again.device.id).toBe(issued.device.id);
      const res = await enrol(again.code);
      expect(res.statusCode).toBe(201);
      const fresh = (res.json() as { credential: string }).credential;
      expect((await config(fresh)).statusCode).toBe(200);
      expect((await config(old)).statusCode).toBe(401);
    });
  });

  describe('device authentication', () => {
    it.each([
      ['no Authorization header', null, 'required'],
      ['an unknown credential', 'kiosk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'not enrolled'],
      ['a malformed credential', 'x', 'not enrolled'],
    ])('answers %s with 401 on every device route', async (_case, credential, words) => {
      for (const res of [await config(credential), await respond(credential, kioskBody()), await heartbeat(credential, { queueDepth: 0 })]) {
        expect(res.statusCode).toBe(401);
        expect(res.headers['www-authenticate']).toBe('Device realm="sipas-kiosk"');
        expect(res.json().message).toContain(words);
      }
    });

    it('refuses a revoked device (401, nothing stored) and its open enrolment code', async () => {
      const { issued, credential } = await enrolled();
      expect((await config(credential)).statusCode).toBe(200);
      expect(await revokeDevice(t.app.db, issued.device.id, new Date())).toBe(true);
      expect(await revokeDevice(t.app.db, issued.device.id, new Date())).toBe(false);
      const before = await countResponses();
      for (const res of [await config(credential), await respond(credential, kioskBody()), await heartbeat(credential, { queueDepth: 2 })]) {
        expect(res.statusCode).toBe(401);
        expect(res.json().message).toBe(NOT_ENROLLED);
      }
      expect(await countResponses()).toBe(before);
      await expect(reissueEnrolmentCode(t.app.db, issued.device.id, new Date())).rejects.toMatchObject({ statusCode: 404 });

      const pending = await newDevice();
      await revokeDevice(t.app.db, pending.device.id, new Date());
      expect((await enrol(pending.code)).statusCode).toBe(400);
    });
  });

  describe('responses', () => {
    it("stamps the device's unit and the channel kiosk, and stores a response delivered twice once", async () => {
      const { credential } = await enrolled({ unitCode: '42' });
      const body = kioskBody();
      const before = await countResponses();
      const first = await respond(credential, body);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toEqual({ id: body.id });
      const retry = await respond(credential, body);
      expect(retry.statusCode).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(await countResponses()).toBe(before + 1);

      const stored = await t.app.db.selectFrom('responses').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ channel: 'kiosk', unit_id: await unitId('42'), survey_key: 'sipas-2017', survey_version: 1, from_receipt: false });
      expect(stored.local_date).toBeDefined();
    });

    it('answers 409 to the same id with other content and keeps the first', async () => {
      const { credential } = await enrolled();
      const body = kioskBody();
      expect((await respond(credential, body)).statusCode).toBe(201);
      const other = await respond(credential, { ...body, answers: answerAll(definition, 2) });
      expect(other.statusCode).toBe(409);
      const stored = await t.app.db.selectFrom('responses').select('answers').where('id', '=', body.id).executeTakeFirstOrThrow();
      expect(stored.answers.access_seats).toBe(4);
    });

    it.each([
      ['no id', { id: undefined }, 'id'],
      ['a unit (the device has one)', { unit: '01' }, ''],
      ['a channel (always kiosk)', { channel: 'web' }, ''],
      ['a receipt token', { token: 'A'.repeat(40) }, ''],
      ['an unknown survey', { survey: 'nope' }, 'survey'],
      ['an answer out of range', { answers: { ...answerAll(definition, 4), access_seats: 9 } }, 'answers.access_seats'],
    ])('refuses a body with %s (400, nothing stored)', async (_case, over, field) => {
      const { credential } = await enrolled();
      const before = await countResponses();
      const res = await respond(credential, kioskBody(over));
      expect(res.statusCode).toBe(400);
      if (field) expect(res.json().issues.map((i: { path: string }) => i.path)).toContain(field);
      expect(await countResponses()).toBe(before);
    });

    it('refuses responses and configuration once the unit has ceased (a code may be reused by a successor)', async () => {
      const { credential } = await enrolled({ unitCode: '01' });
      const yesterday = vietnamDate(new Date(Date.now() - 86_400_000));
      await t.app.db.updateTable('units').set({ valid_to: yesterday }).where('id', '=', await unitId('01')).execute();
      const before = await countResponses();
      for (const res of [await config(credential), await respond(credential, kioskBody())]) {
        expect(res.statusCode).toBe(410);
        expect(res.json().message).toContain('no longer exists');
      }
      expect(await countResponses()).toBe(before);
    });

    it('takes the body of POST /api/responses without unit, channel and token', () => {
      const body = KioskResponseBody.parse(kioskBody());
      expect(CreateResponseBody.safeParse({ ...body, unit: '92', channel: 'kiosk' }).success).toBe(true);
    });
  });

  describe('heartbeat', () => {
    it('records the server time of contact, the queue depth and the build, for administrators', async () => {
      const { issued, credential } = await enrolled({ name: 'Quầy 7' });
      const listedBefore = (await listDevices(t.app.db)).find((d) => d.id === issued.device.id)!;
      expect(listedBefore).toMatchObject({ lastContactAt: null, queueDepth: null, enrolledAt: expect.any(Date) });

      const before = Date.now();
      const res = await heartbeat(credential, { queueDepth: 3, deadLetters: 1, appVersion: 'kiosk-page-abc123' });
      expect(res.statusCode).toBe(200);
      const receivedAt = Date.parse(res.json().receivedAt);
      expect(receivedAt).toBeGreaterThanOrEqual(before - 1000);
      expect(receivedAt).toBeLessThanOrEqual(Date.now() + 1000);

      const listed = (await listDevices(t.app.db)).find((d) => d.id === issued.device.id)!;
      expect(listed).toMatchObject({
        name: 'Quầy 7',
        unit: { code: '92', nameVi: 'Cần Thơ' },
        queueDepth: 3,
        deadLetters: 1,
        appVersion: 'kiosk-page-abc123',
        revokedAt: null,
        enrolmentCodeExpiresAt: null,
      });
      expect(listed.lastContactAt!.getTime()).toBe(receivedAt);
      expect(JSON.stringify(listed)).not.toContain(credential);
    });

    it.each([
      ['a negative queue depth', { queueDepth: -1 }],
      ['no queue depth', {}],
      ['an unknown field', { queueDepth: 0, battery: 50 }],
    ])('refuses %s', async (_case, body) => {
      const { credential } = await enrolled();
      const res = await heartbeat(credential, body);
      expect(res.statusCode).toBe(400);
    });
  });
});

describe('the kiosk service worker script', () => {
  let dist: string;
  beforeAll(async () => {
    dist = await fs.mkdtemp(path.join(os.tmpdir(), 'sipas-kiosk-dist-'));
    await fs.mkdir(path.join(dist, '.vite'), { recursive: true });
    await fs.writeFile(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    await fs.writeFile(
      path.join(dist, '.vite', 'manifest.json'),
      JSON.stringify({
        'index.html': { file: 'assets/index-A.js', isEntry: true },
        'src/kiosk/kiosk-page.tsx': { file: 'assets/kiosk-page-B.js', imports: ['index.html'], css: ['assets/kiosk-page-B.css'] },
      }),
    );
  });
  afterAll(async () => fs.rm(dist, { recursive: true, force: true }));

  it('is served at /kiosk-sw.js from the client build, listing what the kiosk loads', async () => {
    const t = await createTestApp('embedded', { clientDist: dist });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/kiosk-sw.js' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('["/assets/index-A.js","/assets/kiosk-page-B.css","/assets/kiosk-page-B.js"]');
    } finally {
      await t.close();
    }
  });

  it('is absent without a client build (the kiosk then works online only)', async () => {
    const t = await createTestApp('embedded', { clientDist: path.join(dist, 'missing') });
    try {
      expect((await t.app.inject({ method: 'GET', url: '/kiosk-sw.js' })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
