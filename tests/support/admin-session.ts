import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { createAccount } from '../../server/src/features/auth/accounts.service.ts';
import { findUserByLogin } from '../../server/src/features/auth/auth.queries.ts';
import { SESSION_COOKIE } from '../../server/src/features/auth/session-token.ts';

// Tests of admin APIs and pages sign in through these: the account is created in the database when missing,
// then signed in through the real API (so cookies, CSRF and throttling are the ones users get).

export type TestRole = 'system-admin' | 'unit-manager' | 'viewer';

export interface TestAccount {
  role: TestRole;
  /** The root of the subtree the role covers (not for system-admin). */
  unitCode?: string;
}

/** The password of every test account. */
export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

/** The login name of a test account: one account per role and unit. */
export function testLogin(account: TestAccount): string {
  return account.unitCode ? `test-${account.role}-${account.unitCode}` : `test-${account.role}`;
}

/** Creates the test account in the app's database unless it exists; returns its login name. */
export async function ensureTestAccount(app: FastifyInstance, account: TestAccount): Promise<string> {
  const login = testLogin(account);
  if (!(await findUserByLogin(app.db, login))) {
    await createAccount(app.db, { login, displayName: login, role: account.role, unitCode: account.unitCode, password: TEST_PASSWORD }, new Date());
  }
  return login;
}

const signedIn = new WeakMap<FastifyInstance, Map<string, Record<string, string>>>();

/** Headers (session cookie and CSRF token) for app.inject as the given account; system administrator by default. */
export async function adminHeaders(app: FastifyInstance, account: TestAccount = { role: 'system-admin' }): Promise<Record<string, string>> {
  const login = await ensureTestAccount(app, account);
  const cache = signedIn.get(app) ?? new Map<string, Record<string, string>>();
  signedIn.set(app, cache);
  const cached = cache.get(login);
  // Sign in once per account and app, again only when a test ended that session.
  if (cached && (await app.inject({ method: 'GET', url: '/api/auth/me', headers: cached })).statusCode === 200) return cached;

  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login, password: TEST_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`test sign-in as ${login} failed: ${res.statusCode} ${res.body}`);
  const session = res.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
  if (!session) throw new Error('sign-in set no session cookie');
  const headers = { cookie: `${SESSION_COOKIE}=${session.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
  cache.set(login, headers);
  return headers;
}

const liveApps = new Map<string, FastifyInstance>();

/** Called by startLiveServer so signInPage can create accounts in the database behind a URL. */
export function rememberLiveApp(baseUrl: string, app: FastifyInstance): void {
  // Each server listens on its own port, so an entry left after it closes is never reused.
  liveApps.set(baseUrl.replace(/\/+$/, ''), app);
}

/** Signs the browser page in at baseUrl as the given account (through the API; the page shares its cookies). */
export async function signInPage(page: Page, baseUrl: string, account: TestAccount = { role: 'system-admin' }): Promise<void> {
  const app = liveApps.get(baseUrl.replace(/\/+$/, ''));
  if (!app) throw new Error(`no live test server at ${baseUrl} (start it with startLiveServer)`);
  const login = await ensureTestAccount(app, account);
  const res = await page.request.post(`${baseUrl}/api/auth/sign-in`, { data: { login, password: TEST_PASSWORD } });
  if (res.status() !== 200) throw new Error(`browser sign-in as ${login} failed: ${res.status()} ${await res.text()}`);
}
