import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILURES_PER_LOGIN } from '../../server/src/features/auth/auth.service.ts';
import { SIGN_INS_PER_IP_PER_MINUTE } from '../../server/src/features/auth/auth.routes.ts';
import { SESSION_COOKIE } from '../../server/src/features/auth/session-token.ts';
import { adminHeaders, ensureTestAccount, TEST_PASSWORD, type TestAccount } from '../support/admin-session.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

// Cần Thơ (92) after 1 July 2025 and two of its communes, siblings: Cái Khế (31120) and Ninh Kiều (31135).
const COMMUNE_VIEWER: TestAccount = { role: 'viewer', unitCode: '31120' };
const PROVINCE_MANAGER: TestAccount = { role: 'unit-manager', unitCode: '92' };

function signIn(app: FastifyInstance, login: string, password: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login, password }, headers });
}

function sessionCookie(res: LightMyRequestResponse) {
  return res.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
}

/** Signs in and answers the headers of that new session (not the shared cached one of adminHeaders). */
async function freshSession(app: FastifyInstance, login: string): Promise<Record<string, string>> {
  const res = await signIn(app, login, TEST_PASSWORD);
  expect(res.statusCode).toBe(200);
  return { cookie: `${SESSION_COOKIE}=${sessionCookie(res)!.value}`, 'x-csrf-token': res.json().csrfToken };
}

describe.each(testDrivers())('sign-in, sessions and authorization on %s PostgreSQL', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t.close());

  it('signs in with the right password, ignoring the case of the login name, and sets a strict httpOnly cookie', async () => {
    const login = await ensureTestAccount(t.app, COMMUNE_VIEWER);
    const res = await signIn(t.app, login.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.user).toMatchObject({ login });
    expect(body.roles).toEqual([{ role: 'viewer', unit: { code: '31120', nameVi: 'Cái Khế', nameEn: null } }]);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const cookie = sessionCookie(res)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeUndefined(); // plain-http development: PUBLIC_URL is http://localhost
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(body);
  });

  it('stores only a hash of the session id', async () => {
    const login = await ensureTestAccount(t.app, COMMUNE_VIEWER);
    const res = await signIn(t.app, login, TEST_PASSWORD);
    const id = sessionCookie(res)!.value;
    const stored = await t.app.db.selectFrom('sessions').select('id_hash').execute();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((row) => row.id_hash === id)).toBe(false);
  });

  it('answers a wrong password, an unknown login and a disabled account alike, without a cookie', async () => {
    const login = await ensureTestAccount(t.app, { role: 'viewer', unitCode: '31135' });
    const wrong = await signIn(t.app, login, 'not-the-password');
    const unknown = await signIn(t.app, 'no-such-person', 'not-the-password');
    await t.app.db.updateTable('users').set({ disabled_at: new Date() }).where('login', '=', login).execute();
    const disabled = await signIn(t.app, login, TEST_PASSWORD);
    for (const res of [wrong, unknown, disabled]) {
      expect(res.statusCode).toBe(401);
      expect(sessionCookie(res)).toBeUndefined();
    }
    expect(unknown.body).toBe(wrong.body);
    expect(disabled.body).toBe(wrong.body);
    expect(wrong.json().message).toMatch(/Wrong login name or password/);
  });

  it('refuses a sign-in body without a password, naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login: 'someone' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([expect.objectContaining({ path: 'password' })]);
  });

  it('gives 401 to /api/auth/me without a cookie or with an unknown one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const forged = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${SESSION_COOKIE}=${'A'.repeat(43)}` } });
    expect(forged.statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token or with a wrong one, and signs out with it', async () => {
    const login = await ensureTestAccount(t.app, PROVINCE_MANAGER);
    const headers = await freshSession(t.app, login);
    const cookieOnly = { cookie: headers.cookie! };

    const missing = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: cookieOnly });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().message).toMatch(/CSRF/);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { ...cookieOnly, 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.statusCode).toBe(403);
    // The refused requests changed nothing: the session is alive.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: cookieOnly })).statusCode).toBe(200);

    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers });
    expect(out.statusCode).toBe(204);
    expect(sessionCookie(out)).toMatchObject({ value: '', path: '/' });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: cookieOnly })).statusCode).toBe(401);
  });

  it('checks the CSRF token on admin writes too, and not on the public citizen routes', async () => {
    const headers = await adminHeaders(t.app);
    const body = { login: 'csrf-check', displayName: 'CSRF', role: 'viewer', unitCode: '92' };
    const refused = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: headers.cookie! }, payload: body });
    expect(refused.statusCode).toBe(403);
    const users = await t.app.inject({ method: 'GET', url: '/api/users', headers });
    expect(users.json().users.map((u: { login: string }) => u.login)).not.toContain('csrf-check');

    // A signed-in administrator answering the questionnaire in the same browser sends the cookie, no token.
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/responses',
      headers: { cookie: headers.cookie! },
      payload: { survey: 'sipas-2017', version: 1, unit: '92', answers: {} },
    });
    expect(response.statusCode).not.toBe(403);
  });

  it('ends a session idle too long, and one past its absolute end', async () => {
    const login = await ensureTestAccount(t.app, PROVINCE_MANAGER);
    const idle = await freshSession(t.app, login);
    const old = await freshSession(t.app, login);
    const hashOf = async (headers: Record<string, string>) => {
      const id = headers.cookie!.split('=')[1]!;
      const { createHash } = await import('node:crypto');
      return createHash('sha256').update(id).digest('hex');
    };
    await t.app.db.updateTable('sessions').set({ last_seen_at: sql<Date>`now() - interval '121 minutes'` }).where('id_hash', '=', await hashOf(idle)).execute();
    await t.app.db.updateTable('sessions').set({ expires_at: sql<Date>`now() - interval '1 second'` }).where('id_hash', '=', await hashOf(old)).execute();
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: idle })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: old })).statusCode).toBe(401);
    // A session seen 119 minutes ago is still alive.
    const recent = await freshSession(t.app, login);
    await t.app.db.updateTable('sessions').set({ last_seen_at: sql<Date>`now() - interval '119 minutes'` }).where('id_hash', '=', await hashOf(recent)).execute();
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: recent })).statusCode).toBe(200);
  });

  it('gives a commune viewer its own results, 403 for a sibling commune, and 401 without a session', async () => {
    const viewer = await adminHeaders(t.app, COMMUNE_VIEWER);
    const own = await t.app.inject({ method: 'GET', url: '/api/results?survey=sipas-2017&unit=31120', headers: viewer });
    expect(own.statusCode).toBe(200);
    const sibling = await t.app.inject({ method: 'GET', url: '/api/results?survey=sipas-2017&unit=31135', headers: viewer });
    expect(sibling.statusCode).toBe(403);
    const province = await t.app.inject({ method: 'GET', url: '/api/results?survey=sipas-2017&unit=92', headers: viewer });
    expect(province.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/results?survey=sipas-2017&unit=31120' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('gives the province manager the results of its communes and 403 for another province', async () => {
    const manager = await adminHeaders(t.app, PROVINCE_MANAGER);
    for (const unit of ['92', '31120', '31135']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/results?survey=sipas-2017&unit=${unit}`, headers: manager });
      expect(res.statusCode).toBe(200);
    }
    const other = await t.app.inject({ method: 'GET', url: '/api/results?survey=sipas-2017&unit=42', headers: manager });
    expect(other.statusCode).toBe(403);
    const admin = await adminHeaders(t.app);
    expect((await t.app.inject({ method: 'GET', url: '/api/results?survey=sipas-2017&unit=42', headers: admin })).statusCode).toBe(200);
  });

  it('lets only a system administrator manage users: create, sign in, reset the password, disable', async () => {
    const manager = await adminHeaders(t.app, PROVINCE_MANAGER);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: manager })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);

    const admin = await adminHeaders(t.app);
    const bad = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { login: 'x y', displayName: 'X', role: 'viewer' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path).sort()).toEqual(['login', 'unitCode']);

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: { login: 'nguyen.van.a', displayName: 'Nguyễn Văn A', role: 'viewer', unitCode: '42' },
    });
    expect(created.statusCode).toBe(201);
    const { user, password } = created.json();
    expect(user.roles).toEqual([{ role: 'viewer', unit: { code: '42', nameVi: 'Hà Tĩnh', nameEn: 'Ha Tinh' } }]);
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: { login: 'Nguyen.Van.A', displayName: 'Again', role: 'viewer', unitCode: '42' },
    });
    expect(duplicate.statusCode).toBe(409);

    const session = await signIn(t.app, 'nguyen.van.a', password);
    expect(session.statusCode).toBe(200);
    const userCookie = { cookie: `${SESSION_COOKIE}=${sessionCookie(session)!.value}` };

    const reset = await t.app.inject({ method: 'POST', url: `/api/users/${user.id}/password`, headers: admin, payload: {} });
    expect(reset.statusCode).toBe(200);
    const newPassword = reset.json().password;
    expect(newPassword).not.toBe(password);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: userCookie })).statusCode).toBe(401);
    expect((await signIn(t.app, 'nguyen.van.a', password)).statusCode).toBe(401);
    const again = await signIn(t.app, 'nguyen.van.a', newPassword);
    expect(again.statusCode).toBe(200);

    const disabled = await t.app.inject({ method: 'POST', url: `/api/users/${user.id}/disable`, headers: admin });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabledAt).not.toBeNull();
    const againCookie = { cookie: `${SESSION_COOKIE}=${sessionCookie(again)!.value}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: againCookie })).statusCode).toBe(401);
    expect((await signIn(t.app, 'nguyen.van.a', newPassword)).statusCode).toBe(401);

    const listed = (await t.app.inject({ method: 'GET', url: '/api/users', headers: admin })).json().users;
    const self = listed.find((u: { login: string }) => u.login === 'test-system-admin');
    const selfDisable = await t.app.inject({ method: 'POST', url: `/api/users/${self.id}/disable`, headers: admin });
    expect(selfDisable.statusCode).toBe(400);
    expect(selfDisable.json().issues).toEqual([{ path: 'id', message: 'is your own account' }]);
    expect(listed.find((u: { login: string }) => u.login === 'nguyen.van.a').disabledAt).not.toBeNull();
  });

  it('changes the roles of an account, taking effect on its next request, and enables a disabled account again', async () => {
    const admin = await adminHeaders(t.app);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: { login: 'tran.thi.b', displayName: 'Trần Thị B', role: 'viewer', unitCode: '31120', password: TEST_PASSWORD },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json().user;
    const viewer = await freshSession(t.app, 'tran.thi.b');
    const results = (unit: string) => t.app.inject({ method: 'GET', url: `/api/results?survey=sipas-2017&unit=${unit}`, headers: viewer });
    expect((await results('92')).statusCode).toBe(403);

    const setRoles = (roles: unknown, headers = admin) => t.app.inject({ method: 'PUT', url: `/api/users/${id}/roles`, headers, payload: { roles } });
    const widened = await setRoles([{ role: 'viewer', unitCode: '31120' }, { role: 'unit-manager', unitCode: '92' }]);
    expect(widened.statusCode).toBe(200);
    expect(widened.json().roles.map((r: { role: string; unit: { code: string } }) => `${r.role} ${r.unit.code}`).sort()).toEqual(['unit-manager 92', 'viewer 31120']);
    expect((await results('92')).statusCode).toBe(200); // the same session, the new role

    // Bad roles change nothing, and say which one is wrong.
    for (const [roles, path] of [
      [[], 'roles'],
      [[{ role: 'viewer' }], 'roles.0.unitCode'],
      [[{ role: 'viewer', unitCode: '92' }, { role: 'unit-manager', unitCode: '99999' }], 'roles.1.unitCode'],
      [[{ role: 'owner', unitCode: '92' }], 'roles.0.role'],
    ] as const) {
      const refused = await setRoles(roles);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect((await results('92')).statusCode).toBe(200);
    expect((await setRoles([{ role: 'viewer', unitCode: '92' }], await adminHeaders(t.app, PROVINCE_MANAGER))).statusCode).toBe(403);

    const self = (await t.app.inject({ method: 'GET', url: '/api/users', headers: admin })).json().users.find((u: { login: string }) => u.login === 'test-system-admin');
    const selfDemotion = await t.app.inject({ method: 'PUT', url: `/api/users/${self.id}/roles`, headers: admin, payload: { roles: [{ role: 'viewer', unitCode: '92' }] } });
    expect(selfDemotion.statusCode).toBe(400);

    expect((await t.app.inject({ method: 'POST', url: `/api/users/${id}/disable`, headers: admin })).statusCode).toBe(200);
    expect((await signIn(t.app, 'tran.thi.b', TEST_PASSWORD)).statusCode).toBe(401);
    const enabled = await t.app.inject({ method: 'POST', url: `/api/users/${id}/enable`, headers: admin });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json().disabledAt).toBeNull();
    expect((await signIn(t.app, 'tran.thi.b', TEST_PASSWORD)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/users/999999/enable', headers: admin })).statusCode).toBe(404);
  });
});

describe.each(testDrivers())('sign-in throttling and the Secure flag on %s PostgreSQL', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver, { publicUrl: 'https://sipas.example.vn' });
  });
  afterAll(async () => t.close());

  it('sets a Secure cookie when PUBLIC_URL is https', async () => {
    const login = await ensureTestAccount(t.app, { role: 'system-admin' });
    const res = await signIn(t.app, login, TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.1' });
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
  });

  it(`locks a login name after ${FAILURES_PER_LOGIN} failures, even for the right password, whether or not it exists`, async () => {
    const login = await ensureTestAccount(t.app, { role: 'viewer', unitCode: '42' });
    for (const name of [login, 'nobody-here']) {
      for (let i = 0; i < FAILURES_PER_LOGIN; i++) expect((await signIn(t.app, name, 'wrong-password')).statusCode).toBe(401);
      const locked = await signIn(t.app, name.toUpperCase(), name === login ? TEST_PASSWORD : 'wrong-password');
      expect(locked.statusCode).toBe(429);
    }
    // Another account from the same address is not locked.
    const other = await ensureTestAccount(t.app, { role: 'viewer', unitCode: '92' });
    expect((await signIn(t.app, other, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('sign-in rate limit per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('embedded');
  });
  afterAll(async () => t.close());

  it(`refuses the attempt after ${SIGN_INS_PER_IP_PER_MINUTE} a minute from one address with 429 and Retry-After`, async () => {
    for (let i = 0; i < SIGN_INS_PER_IP_PER_MINUTE; i++) {
      expect((await signIn(t.app, `guess-${i}`, 'wrong-password')).statusCode).toBe(401);
    }
    const refused = await signIn(t.app, 'guess-last', 'wrong-password');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
