import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInPage } from '../support/admin-session.ts';
import { seriousAxeViolations } from '../support/axe.ts';
import { collectPageErrors, newDesktopContext } from '../support/browser.ts';
import { useLiveServerAndBrowser } from '../support/live-server.ts';

const UNIT_HEADER = 'code,name_vi,name_en,full_name_vi,level,type,parent_code,valid_from,valid_to,group_tags,merged_from,merged_partial';
// Three bad rows, on lines 3, 4 and 6 (a note, then the header): an impossible date, an unknown parent, an unknown level.
const THREE_BAD_ROWS = [
  '# Sở, ngành of Hà Tĩnh (test data)',
  UNIT_HEADER,
  '42-SNV,Sở Nội vụ,,,department,sở,42,31/02/2025,,kind:department,,',
  '42-STC,Sở Tài chính,,,department,sở,4299,2025-07-01,,kind:department,,',
  '42-TTPVHCC,Trung tâm Phục vụ hành chính công,,,office,trung tâm,42,2025-07-01,,,,',
  '42-STC-CN1,"Chi nhánh khu vực 1, Sở Tài chính",,,branch,chi nhánh,42,2025-07-01,,,,',
].join('\n');

describe('the management pages (1280×800)', () => {
  const t = useLiveServerAndBrowser();

  /** A signed-in administrator's page, with its console errors collected. */
  const open = async (path: string) => {
    const context = await newDesktopContext(t.browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.server.url });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInPage(page, t.server.url);
    await page.goto(`${t.server.url}${path}`);
    return { page, errors, close: () => context.close() };
  };
  const expectCleanPage = async (page: Page, errors: string[]) => {
    await page.waitForLoadState('networkidle');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  };

  it('enrols a kiosk and shows its one-time code, link and instructions; the list shows it awaiting the code; revokes it', async () => {
    const { page, errors, close } = await open('/admin/kiosks?unit=92');
    await page.getByRole('heading', { level: 1, name: 'Thiết bị kiosk' }).waitFor();
    expect(await page.getByRole('link', { name: 'Thiết bị kiosk' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('table', { name: /Thiết bị kiosk \(0\)/ }).waitFor();
    await expectCleanPage(page, errors);

    await page.getByLabel('Tên thiết bị').fill('Quầy 1');
    await page.getByRole('button', { name: 'Đăng ký thiết bị' }).click();
    const panel = page.getByRole('region', { name: 'Mã đăng ký cho “Quầy 1”' });
    await panel.waitFor();
    const code = (await panel.locator('.secret-field__value').first().textContent())!;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    // The link starts with PUBLIC_URL (unset here); what matters is the path the tablet opens.
    expect(await panel.locator('.secret-field__value').nth(1).textContent()).toMatch(new RegExp(`/kiosk\\?enrol=${code}$`));
    expect(await panel.getByText(/Dùng được một lần, đến \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\./).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Sao chép Mã đăng ký' }).click();
    await panel.getByText('Đã sao chép Mã đăng ký.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

    const row = page.getByRole('row', { name: /Quầy 1/ });
    await row.getByText('Chờ nhập mã').waitFor();
    expect(await page.getByRole('table', { name: /Thiết bị kiosk \(1\)/ }).isVisible()).toBe(true);
    // The code works on a tablet: the kiosk exchanges it once.
    const enrolled = await page.request.post(`${t.server.url}/api/kiosk/enrol`, { data: { code } });
    expect(enrolled.status()).toBe(201);
    await expectCleanPage(page, errors);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Thu hồi thiết bị Quầy 1' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã thu hồi thiết bị “Quầy 1”.' }).waitFor();
    await row.getByText('Đã thu hồi').waitFor();
    const { credential } = (await enrolled.json()) as { credential: string };
    const config = await page.request.get(`${t.server.url}/api/kiosk/config`, { headers: { authorization: `Device ${credential}` } });
    expect(config.status()).toBe(401);
    await close();
  });

  it('creates a receipt-token key, shows its API key once with a warning, and revokes it', async () => {
    const { page, errors, close } = await open('/admin/token-keys?unit=92');
    await page.getByRole('heading', { level: 1, name: 'Khóa mã biên nhận' }).waitFor();
    await page.getByRole('table', { name: /Khóa mã biên nhận \(0\)/ }).waitFor();
    await expectCleanPage(page, errors);

    await page.getByLabel('Hệ thống sử dụng (không bắt buộc)').fill('iGate Cần Thơ');
    await page.getByRole('button', { name: 'Tạo khóa' }).click();
    const panel = page.getByRole('region', { name: /^Khóa [0-9a-f]{8} đã được tạo$/ });
    await panel.waitFor();
    expect(await panel.getByText(/Chỉ hiện một lần/).isVisible()).toBe(true);
    const apiKey = (await panel.locator('.secret-field__value').nth(1).textContent())!;
    expect(apiKey).toMatch(/^sipas_/);
    const keyId = (await panel.locator('.secret-field__value').first().textContent())!;
    const minted = await page.request.post(`${t.server.url}/api/tokens`, { headers: { authorization: `Bearer ${apiKey}` }, data: { dossierRef: 'HS-1' } });
    expect(minted.status()).toBe(201);
    await expectCleanPage(page, errors);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Thu hồi khóa ${keyId}` }).click();
    await page.getByRole('status').filter({ hasText: `Đã thu hồi khóa ${keyId}.` }).waitFor();
    expect(await panel.count()).toBe(0); // the secret is gone from the page with the key
    await page.getByRole('row', { name: new RegExp(keyId) }).getByText(/Thu hồi lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/).waitFor();
    const refused = await page.request.post(`${t.server.url}/api/tokens`, { headers: { authorization: `Bearer ${apiKey}` }, data: { dossierRef: 'HS-2' } });
    expect(refused.status()).toBe(401);
    await expectCleanPage(page, errors);
    await close();
  });

  it('a unit CSV with three bad rows shows exactly those three and stores nothing', async () => {
    const countUnits = async () => (await sql<{ n: number }>`select count(*)::int as n from units`.execute(t.server.app.db)).rows[0]!.n;
    const before = await countUnits();
    const { page, errors, close } = await open('/admin/imports');
    await page.getByRole('heading', { level: 1, name: 'Nhập đơn vị và thủ tục' }).waitFor();
    await expectCleanPage(page, errors);

    await page.getByLabel('Tệp CSV').setInputFiles({ name: 'so-nganh.csv', mimeType: 'text/csv', buffer: Buffer.from(THREE_BAD_ROWS, 'utf8') });
    await page.getByLabel('Hoặc dán nội dung CSV').waitFor();
    expect(await page.getByLabel('Hoặc dán nội dung CSV').inputValue()).toBe(THREE_BAD_ROWS);
    await page.getByRole('button', { name: 'Chạy thử' }).click();
    const errorsTable = page.getByRole('table', { name: 'Các dòng lỗi (3)' });
    await errorsTable.waitFor();
    const rows = await errorsTable.locator('tbody tr').allInnerTexts();
    expect(rows.map((row) => row.split('\t').slice(0, 2).join(' '))).toEqual(['3 valid_from', '4 parent_code', '6 level']);
    expect(await page.getByRole('button', { name: 'Nhập vào hệ thống' }).isDisabled()).toBe(true);
    expect(await countUnits()).toBe(before);
    await expectCleanPage(page, errors);
    await close();
  });

  it('imports a clean procedure file after its dry run; the same file again has nothing to change', async () => {
    const file = [
      'code,name_vi,field,promulgating_agency,executing_agency,catalogue_type,state,portal_url',
      '9.000101,Thủ tục thử nghiệm giao diện,Thử nghiệm,Bộ Nội vụ,,STANDARD,UPDATED,',
    ].join('\n');
    const { page, errors, close } = await open('/admin/imports');
    await page.getByRole('radio', { name: 'Thủ tục hành chính' }).check();
    await page.getByLabel('Hoặc dán nội dung CSV').fill(file);
    await page.getByRole('button', { name: 'Chạy thử' }).click();
    await page.getByText('Sẽ thêm 1, cập nhật 0, giữ nguyên 0. Chưa lưu gì.').waitFor();
    await page.getByRole('button', { name: 'Nhập vào hệ thống' }).click();
    await page.getByRole('heading', { name: 'Đã nhập' }).waitFor();
    await page.getByText('Đã thêm 1, cập nhật 0, giữ nguyên 0.').waitFor();
    expect((await page.request.get(`${t.server.url}/api/procedures/9.000101`)).status()).toBe(200);
    await page.getByRole('button', { name: 'Chạy thử' }).click();
    await page.getByText('Không có gì thay đổi.').waitFor();
    await expectCleanPage(page, errors);
    await close();
  });
  it.each(['/admin/kiosks?unit=92', '/admin/token-keys?unit=92', '/admin/imports'])('%s fits a tablet (768×1024) in English without page-wide scrolling', async (path) => {
    const context = await t.browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, locale: 'en-US', timezoneId: 'Asia/Ho_Chi_Minh' });
    await context.addInitScript(() => window.localStorage.setItem('sipas.locale', 'en'));
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInPage(page, t.server.url);
    await page.goto(`${t.server.url}${path}`);
    await page.getByRole('heading', { level: 1, name: /Kiosk devices|Receipt-token keys|Import units and procedures/ }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
