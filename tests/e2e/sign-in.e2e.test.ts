import { describe, expect, it } from 'vitest';
import { ensureTestAccount, signInPage, TEST_PASSWORD } from '../support/admin-session.ts';
import { seriousAxeViolations } from '../support/axe.ts';
import { collectPageErrors, newDesktopContext } from '../support/browser.ts';
import { useLiveServerAndBrowser } from '../support/live-server.ts';

describe('administrator sign-in', () => {
  const t = useLiveServerAndBrowser();

  it('sends /admin to the sign-in page, refuses a wrong password aloud, signs in, and signs out', async () => {
    const login = await ensureTestAccount(t.server.app, { role: 'system-admin' });
    const context = await newDesktopContext(t.browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto(`${t.server.url}/admin/surveys`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập quản trị' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/surveys');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Tên đăng nhập').fill(login);
    await page.getByLabel('Mật khẩu').fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(await page.getByLabel('Mật khẩu').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // Back on the page that asked for the sign-in.
    await page.getByRole('heading', { level: 1, name: 'Phiếu khảo sát' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/surveys');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'sipas_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('heading', { level: 1, name: 'Người dùng và vai trò' }).waitFor();
    await page.getByRole('row', { name: new RegExp(login) }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập quản trị' }).waitFor();
    expect((await page.request.get(`${t.server.url}/api/auth/me`)).status()).toBe(401);
    await page.goto(`${t.server.url}/admin`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập quản trị' }).waitFor();
    // Chromium logs the 401 of /api/auth/me that sends a signed-out visitor here; nothing else may fail.
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
    await context.close();
  });

  it('creates a viewer on the users page, whose password is shown once and signs in', async () => {
    const context = await newDesktopContext(t.browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInPage(page, t.server.url);
    await page.goto(`${t.server.url}/admin/users`);
    await page.getByRole('heading', { level: 1, name: 'Người dùng và vai trò' }).waitFor();
    const create = page.getByRole('form', { name: 'Thêm người dùng' });
    await create.getByLabel('Tên đăng nhập').fill('can-bo-cai-khe');
    await create.getByLabel('Họ tên').fill('Cán bộ Cái Khế');
    await create.getByLabel('Mã đơn vị').fill('31120');
    await create.getByRole('button', { name: 'Thêm', exact: true }).click();
    const shown = page.getByRole('region', { name: 'Mật khẩu của can-bo-cai-khe' });
    await shown.waitFor();
    const password = (await shown.locator('code').textContent())!;
    await page.getByRole('row', { name: /can-bo-cai-khe/ }).getByText('Xem kết quả — Cái Khế (31120)').waitFor();

    const res = await page.request.post(`${t.server.url}/api/auth/sign-in`, { data: { login: 'can-bo-cai-khe', password } });
    expect(res.status()).toBe(200);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("adds and removes a user's roles, and disables and enables the account, axe-clean", async () => {
    const login = await ensureTestAccount(t.server.app, { role: 'viewer', unitCode: '31120' });
    const context = await newDesktopContext(t.browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    page.on('dialog', (dialog) => void dialog.accept());
    await signInPage(page, t.server.url);
    await page.goto(`${t.server.url}/admin/users`);
    const row = page.getByRole('row', { name: new RegExp(login) });
    await row.getByText('Xem kết quả — Cái Khế (31120)').waitFor();

    await row.locator('summary', { hasText: 'Thêm vai trò' }).click(); // the disclosure
    const addRole = row.getByRole('form', { name: `Thêm vai trò cho ${login}` });
    await addRole.getByLabel('Vai trò').selectOption('unit-manager');
    await addRole.getByLabel('Mã đơn vị').fill('92');
    await addRole.getByRole('button', { name: 'Thêm vai trò' }).click();
    await page.getByRole('status').getByText(`Đã cập nhật vai trò của ${login}.`).waitFor();
    await row.getByText('Quản lý đơn vị — Cần Thơ (92)').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await row.getByRole('button', { name: `Bỏ vai trò Xem kết quả — Cái Khế (31120) của ${login}` }).click();
    await expect.poll(() => row.getByText('Xem kết quả — Cái Khế (31120)').count()).toBe(0);
    const stored = await t.server.app.db
      .selectFrom('user_roles as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .innerJoin('units as n', 'n.id', 'r.unit_id')
      .select(['r.role', 'n.code'])
      .where('u.login', '=', login)
      .execute();
    expect(stored).toEqual([{ role: 'unit-manager', code: '92' }]);

    await row.getByRole('button', { name: `Khóa tài khoản ${login}` }).click();
    await row.getByRole('button', { name: `Mở khóa tài khoản ${login}` }).click();
    await page.getByRole('status').getByText(`Đã mở khóa ${login}.`).waitFor();
    expect((await page.request.post(`${t.server.url}/api/auth/sign-in`, { data: { login, password: TEST_PASSWORD } })).status()).toBe(200);
    expect(errors).toEqual([]);
    await context.close();
  });
});
