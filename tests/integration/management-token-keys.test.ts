import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders } from '../support/admin-session.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

describe.each(testDrivers())('receipt-token key management API on %s PostgreSQL', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t.close());

  const admin = async (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: await adminHeaders(t.app), ...(payload === undefined ? {} : { payload: payload as object }) });
  const mint = (apiKey: string) =>
    t.app.inject({ method: 'POST', url: '/api/tokens', headers: { authorization: `Bearer ${apiKey}` }, payload: { dossierRef: `HS-${Math.random()}` } });
  const keys = async () => t.app.db.selectFrom('token_keys').select(['id', 'label', 'revoked_at', 'secret', 'api_key_hash']).orderBy('id').execute();

  it('creates a key whose API key mints receipt tokens, shows its secret once, and lists it without secrets', async () => {
    const res = await admin('POST', '/api/admin/token-keys', { unit: '31120', label: 'iGate Cần Thơ' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const created = res.json();
    expect(created).toEqual({ keyId: expect.stringMatching(/^[0-9a-f]{8}$/), unit: { code: '31120', nameVi: 'Cái Khế' }, secret: expect.any(String), apiKey: expect.stringMatching(/^sipas_/) });
    expect((await mint(created.apiKey)).statusCode).toBe(201);

    const province = await admin('GET', '/api/admin/token-keys?unit=92');
    expect(province.statusCode).toBe(200);
    expect(province.json().keys).toContainEqual({
      keyId: created.keyId,
      unit: { code: '31120', nameVi: 'Cái Khế', nameEn: null },
      label: 'iGate Cần Thơ',
      createdAt: expect.any(String),
      revokedAt: null,
    });
    expect(province.body).not.toContain(created.secret);
    expect(province.body).not.toContain(created.apiKey);
    // A sibling commune and another province do not see it.
    expect((await admin('GET', '/api/admin/token-keys?unit=31135')).json().keys).toEqual([]);
    expect((await admin('GET', '/api/admin/token-keys?unit=42')).json().keys).toEqual([]);
  });

  it('revokes a key: its API key is refused from then on; a second revocation is 409, an unknown key 404', async () => {
    const created = (await admin('POST', '/api/admin/token-keys', { unit: '92' })).json();
    const res = await admin('POST', `/api/admin/token-keys/${created.keyId}/revoke`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ keyId: created.keyId, revokedAt: expect.any(String) });
    expect((await mint(created.apiKey)).statusCode).toBe(401);
    const listed = (await admin('GET', '/api/admin/token-keys?unit=92')).json().keys.find((k: { keyId: string }) => k.keyId === created.keyId);
    expect(listed.revokedAt).toBe(res.json().revokedAt);

    expect((await admin('POST', `/api/admin/token-keys/${created.keyId}/revoke`)).statusCode).toBe(409);
    expect((await admin('POST', '/api/admin/token-keys/0badc0de/revoke')).statusCode).toBe(404);
  });

  it('lets a commune manager manage only its own keys; a viewer and an unsigned request get nothing', async () => {
    const sibling = (await admin('POST', '/api/admin/token-keys', { unit: '31120' })).json();
    const as = async (account: Parameters<typeof adminHeaders>[1], method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: await adminHeaders(t.app, account), ...(payload ? { payload } : {}) });
    const manager = { role: 'unit-manager' as const, unitCode: '31135' };
    const viewer = { role: 'viewer' as const, unitCode: '31135' };
    const before = await keys();

    expect((await as(manager, 'GET', '/api/admin/token-keys?unit=31120')).statusCode).toBe(403);
    expect((await as(manager, 'POST', '/api/admin/token-keys', { unit: '31120' })).statusCode).toBe(403);
    expect((await as(manager, 'POST', `/api/admin/token-keys/${sibling.keyId}/revoke`)).statusCode).toBe(403);
    expect((await as(viewer, 'GET', '/api/admin/token-keys?unit=31135')).statusCode).toBe(403);
    expect((await as(viewer, 'POST', '/api/admin/token-keys', { unit: '31135' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/token-keys?unit=92' })).statusCode).toBe(401);
    expect(await keys()).toEqual(before);

    const own = await as(manager, 'POST', '/api/admin/token-keys', { unit: '31135' });
    expect(own.statusCode).toBe(201);
    expect((await as(manager, 'GET', '/api/admin/token-keys?unit=31135')).json().keys.map((k: { keyId: string }) => k.keyId)).toEqual([own.json().keyId]);
  });

  it.each([
    ['POST', '/api/admin/token-keys', {}, 'unit'],
    ['POST', '/api/admin/token-keys', { unit: '9999' }, 'unit'],
    ['POST', '/api/admin/token-keys', { unit: '92', label: 'x'.repeat(101) }, 'label'],
    ['POST', '/api/admin/token-keys', { unit: '92', label: '  ' }, 'label'],
    ['POST', '/api/admin/token-keys', { unit: '92', secret: 'mine' }, ''],
    ['GET', '/api/admin/token-keys', undefined, 'unit'],
    ['GET', '/api/admin/token-keys?unit=', undefined, 'unit'],
    ['POST', '/api/admin/token-keys/not-a-key/revoke', undefined, 'keyId'],
  ] as const)('%s %s %j is 400 naming "%s" and changes nothing', async (method, url, payload, field) => {
    const before = await keys();
    const res = await admin(method, url, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path).join(' ')).toContain(field);
    expect(await keys()).toEqual(before);
  });
});
