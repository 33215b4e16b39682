import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders } from '../support/admin-session.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

const PUBLIC_URL = 'https://khaosat.cantho.example.vn';

describe.each(testDrivers())('kiosk management API on %s PostgreSQL', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver, { publicUrl: PUBLIC_URL });
  });
  afterAll(async () => t.close());

  const admin = async (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: await adminHeaders(t.app), ...(payload === undefined ? {} : { payload: payload as object }) });
  const list = async (unit: string) => (await admin('GET', `/api/admin/kiosks?unit=${unit}`)).json() as { devices: Array<Record<string, unknown>> };
  const enrol = async (body: Record<string, unknown>) => admin('POST', '/api/admin/kiosks', body);
  let address = 0;
  const exchange = (code: string) =>
    t.app.inject({ method: 'POST', url: '/api/kiosk/enrol', payload: { code }, remoteAddress: `10.9.0.${++address}` });
  const devices = async () =>
    (await sql<{ id: string; revoked_at: Date | null; enrol_code_hash: string | null }>`select id, revoked_at, enrol_code_hash from kiosk_devices order by id`.execute(t.app.db)).rows;

  it('enrols a kiosk for a commune: a one-time code and the link to open on the tablet, which then works once', async () => {
    const res = await enrol({ unit: '31120', name: 'Quầy 1', idleSeconds: 45 });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const issued = res.json();
    expect(issued.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(issued.url).toBe(`${PUBLIC_URL}/kiosk?enrol=${issued.code}`);
    expect(issued.device).toMatchObject({ name: 'Quầy 1', unitCode: '31120', unitNameVi: 'Cái Khế', surveyKey: 'sipas-2017', idleSeconds: 45 });
    expect(new Date(issued.expiresAt).getTime() - Date.now()).toBeGreaterThan(59 * 60_000);

    expect((await exchange(issued.code)).statusCode).toBe(201);
    expect((await exchange(issued.code)).statusCode).toBe(400);
  });

  it('lists the kiosks of a subtree with their heartbeat and status, and none of another province', async () => {
    const issued = (await enrol({ unit: '31135', name: 'Quầy 2' })).json();
    const { credential } = (await exchange(issued.code)).json();
    const waiting = (await enrol({ unit: '92', name: 'Sảnh tỉnh' })).json();
    await t.app.inject({ method: 'POST', url: '/api/kiosk/heartbeat', headers: { authorization: `Device ${credential}` }, payload: { queueDepth: 3, deadLetters: 1, appVersion: 'b42' } });

    const res = await admin('GET', '/api/admin/kiosks?unit=92');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unit).toEqual({ code: '92', nameVi: 'Cần Thơ', nameEn: 'Can Tho' });
    const byId = new Map(body.devices.map((d: { id: string }) => [d.id, d]));
    expect(byId.get(issued.device.id)).toMatchObject({
      name: 'Quầy 2',
      unit: { code: '31135', nameVi: 'Ninh Kiều' },
      queueDepth: 3,
      deadLetters: 1,
      appVersion: 'b42',
      status: 'ok',
      revokedAt: null,
      enrolmentCodeExpiresAt: null,
    });
    expect(byId.get(waiting.device.id)).toMatchObject({ unit: { code: '92' }, status: 'awaiting-enrolment', enrolledAt: null, lastContactAt: null });
    // The commune sees only its own; another province sees none of them.
    expect((await list('31135')).devices.map((d) => d.id)).toEqual([issued.device.id]);
    expect((await list('42')).devices).toEqual([]);
    // Never a secret in the listing.
    expect(JSON.stringify(body)).not.toMatch(/hash|credential/i);
  });

  it.each([
    [150, 'late'],
    [600, 'silent'],
  ])('shows a kiosk last heard %i s ago as %s', async (seconds, status) => {
    const issued = (await enrol({ unit: '31147', name: `Quầy ${seconds}` })).json();
    await exchange(issued.code);
    await t.app.db
      .updateTable('kiosk_devices')
      .set({ last_contact_at: new Date(Date.now() - seconds * 1000), queue_depth: 0 })
      .where('id', '=', issued.device.id)
      .execute();
    expect((await list('31147')).devices.find((d) => d.id === issued.device.id)).toMatchObject({ status });
  });

  it('revokes a kiosk: its credential is refused, a second revocation is 409, an unknown id 404', async () => {
    const issued = (await enrol({ unit: '31120', name: 'Quầy thu hồi' })).json();
    const { credential } = (await exchange(issued.code)).json();
    const res = await admin('POST', `/api/admin/kiosks/${issued.device.id}/revoke`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: issued.device.id, revokedAt: expect.any(String) });
    const config = await t.app.inject({ method: 'GET', url: '/api/kiosk/config', headers: { authorization: `Device ${credential}` } });
    expect(config.statusCode).toBe(401);
    expect((await list('31120')).devices.find((d) => d.id === issued.device.id)).toMatchObject({ status: 'revoked' });

    expect((await admin('POST', `/api/admin/kiosks/${issued.device.id}/revoke`)).statusCode).toBe(409);
    expect((await admin('POST', '/api/admin/kiosks/abcdef0123/revoke')).statusCode).toBe(404);
    expect((await admin('POST', `/api/admin/kiosks/${issued.device.id}/code`)).statusCode).toBe(409);
  });

  it('gives a kiosk in use a new code; the old one stops working', async () => {
    const first = (await enrol({ unit: '31120', name: 'Quầy thay máy' })).json();
    const res = await admin('POST', `/api/admin/kiosks/${first.device.id}/code`, { codeValidMinutes: 30 });
    expect(res.statusCode).toBe(201);
    const second = res.json();
    expect(second.device.id).toBe(first.device.id);
    expect(second.code).not.toBe(first.code);
    expect((await exchange(first.code)).statusCode).toBe(400);
    expect((await exchange(second.code)).statusCode).toBe(201);
  });

  it('lets a commune manager see and manage only its own kiosks, a viewer only see them, and nobody unsigned', async () => {
    const own = (await enrol({ unit: '31135', name: 'Quầy phường' })).json();
    const sibling = (await enrol({ unit: '31120', name: 'Quầy bên cạnh' })).json();
    const as = async (account: Parameters<typeof adminHeaders>[1], method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: await adminHeaders(t.app, account), ...(payload ? { payload } : {}) });
    const manager = { role: 'unit-manager' as const, unitCode: '31135' };
    const viewer = { role: 'viewer' as const, unitCode: '31135' };

    expect((await as(manager, 'GET', '/api/admin/kiosks?unit=31135')).statusCode).toBe(200);
    expect((await as(manager, 'GET', '/api/admin/kiosks?unit=31120')).statusCode).toBe(403);
    expect((await as(manager, 'GET', '/api/admin/kiosks?unit=92')).statusCode).toBe(403);
    expect((await as(manager, 'POST', '/api/admin/kiosks', { unit: '31120', name: 'Lạ' })).statusCode).toBe(403);
    expect((await as(manager, 'POST', `/api/admin/kiosks/${sibling.device.id}/revoke`)).statusCode).toBe(403);
    expect((await as(viewer, 'GET', '/api/admin/kiosks?unit=31135')).statusCode).toBe(200);
    expect((await as(viewer, 'POST', '/api/admin/kiosks', { unit: '31135', name: 'Xem thôi' })).statusCode).toBe(403);
    expect((await as(viewer, 'POST', `/api/admin/kiosks/${own.device.id}/revoke`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/kiosks?unit=92' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/kiosks/${own.device.id}/revoke` })).statusCode).toBe(401);
    // Nothing of that changed either device.
    expect((await list('92')).devices.filter((d) => [own.device.id, sibling.device.id].includes(d.id as string)).map((d) => d.status)).toEqual([
      'awaiting-enrolment',
      'awaiting-enrolment',
    ]);
    expect((await as(manager, 'POST', `/api/admin/kiosks/${own.device.id}/revoke`)).statusCode).toBe(200);
  });

  it.each([
    ['POST', '/api/admin/kiosks', { name: 'Quầy 1' }, 'unit'],
    ['POST', '/api/admin/kiosks', { unit: '92' }, 'name'],
    ['POST', '/api/admin/kiosks', { unit: '92', name: '   ' }, 'name'],
    ['POST', '/api/admin/kiosks', { unit: '92', name: 'x'.repeat(101) }, 'name'],
    ['POST', '/api/admin/kiosks', { unit: '9999', name: 'Quầy 1' }, 'unit'],
    ['POST', '/api/admin/kiosks', { unit: '92 ; drop', name: 'Quầy 1' }, 'unit'],
    ['POST', '/api/admin/kiosks', { unit: '92', name: 'Quầy 1', idleSeconds: 1 }, 'idleSeconds'],
    ['POST', '/api/admin/kiosks', { unit: '92', name: 'Quầy 1', survey: 'no-such-survey' }, 'survey'],
    ['POST', '/api/admin/kiosks', { unit: '92', name: 'Quầy 1', codeValidMinutes: 0 }, 'codeValidMinutes'],
    ['POST', '/api/admin/kiosks', { unit: '92', name: 'Quầy 1', credential: 'x' }, ''],
    ['GET', '/api/admin/kiosks', undefined, 'unit'],
    ['GET', '/api/admin/kiosks?unit=9999', undefined, 'unit'],
    ['POST', '/api/admin/kiosks/NOT-AN-ID/revoke', undefined, 'id'],
    ['POST', '/api/admin/kiosks/abcdef0123/code', { codeValidMinutes: 'soon' }, 'codeValidMinutes'],
  ] as const)('%s %s %j is 400 naming "%s" and changes nothing', async (method, url, payload, field) => {
    const before = await devices();
    const res = await admin(method, url, payload);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.issues.map((i: { path: string }) => i.path).join(' ')).toContain(field);
    expect(await devices()).toEqual(before);
  });
});
