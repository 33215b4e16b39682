import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenKey, type CreatedTokenKey } from '../../server/src/features/tokens/token-keys.service.ts';
import { vietnamDate } from '../../server/src/local-date.ts';
import { seriousAxeViolations } from '../support/axe.ts';
import { collectPageErrors, newDesktopContext, newPhoneContext } from '../support/browser.ts';
import { answerAndSubmit } from '../support/fill-questionnaire.ts';
import { useLiveServerAndBrowser } from '../support/live-server.ts';

const SHOTS = process.env.E2E_SCREENSHOTS; // a folder to keep screenshots and PDFs of each page in, when set

/** The number of pages of a PDF printed by Chromium (one `/Type /Page` dictionary each). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

async function printToPdf(page: Page, name: string): Promise<Buffer> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, ...(SHOTS ? { path: `${SHOTS}/${name}.pdf` } : {}) });
  await page.emulateMedia({ media: 'screen' });
  return pdf;
}

/** Every image on the page has loaded (an SVG that failed to decode has no natural width). */
const imagesLoaded = (page: Page) =>
  page.evaluate(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));

/** The browser reports an expected 4xx answer as a console error; anything else is a bug. */
const realErrors = (errors: string[]) =>
  errors.filter((e) => !/^Failed to load resource: the server responded with a status of (401|404)\b/.test(e));

describe('sheets that one-stop staff print', () => {
  const t = useLiveServerAndBrowser();
  let key: CreatedTokenKey;
  beforeAll(async () => {
    key = await createTokenKey(t.server.app.db, '92', vietnamDate(new Date()), 'print e2e');
  });

  it('mints a QR card per dossier reference and prints only the cards, twelve to an A4 page', async () => {
    const desktop = await newDesktopContext(t.browser);
    const page = await desktop.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${t.server.url}/print/receipts`);
    await page.getByRole('heading', { level: 1, name: 'In mã QR khảo sát cho hồ sơ' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const keyField = page.getByLabel('Khóa API của đơn vị');
    const refsField = page.getByLabel('Mã hồ sơ, mỗi dòng một mã');
    const create = page.getByRole('button', { name: 'Tạo mã QR' });

    // Nothing filled in: each problem is named, nothing is minted.
    await create.click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Vui lòng nhập khóa API của đơn vị.');
    expect(await alert.textContent()).toContain('Vui lòng nhập ít nhất một mã hồ sơ.');

    // A wrong key is refused by the server.
    await keyField.fill('sipas_not-the-right-key-at-all');
    await refsField.fill('000.00.92.H11-250715-0001');
    await create.click();
    await page.getByText('Khóa API không hợp lệ hoặc đã bị thu hồi.').waitFor();

    // A procedure code outside the catalogue is caught before anything is minted.
    await keyField.fill(key.apiKey);
    await page.getByLabel('Mã thủ tục hành chính (không bắt buộc)').fill('9.999999');
    await create.click();
    await page.getByText('Không tìm thấy thủ tục có mã “9.999999” trong danh mục.').waitFor();
    expect(await t.server.app.db.selectFrom('spent_tokens').select('spent_key').execute()).toEqual([]);

    // 14 references, one repeated and a blank line: 13 cards, on two A4 pages.
    const refs = Array.from({ length: 13 }, (_, i) => `000.00.92.H11-250715-${String(i + 1).padStart(4, '0')}`);
    await refsField.fill([...refs.slice(0, 5), '', refs[2], ...refs.slice(5)].join('\n'));
    await page.getByLabel('Mã thủ tục hành chính (không bắt buộc)').fill('1.001193');
    const minted = page.waitForResponse((r) => r.url().endsWith('/api/tokens/batch') && r.status() === 201);
    await create.click();
    const { tokens } = (await (await minted).json()) as { tokens: Array<{ token: string; dossierRef: string }> };
    expect(tokens.map((tk) => tk.dossierRef)).toEqual(refs);
    const sheetTitle = page.getByRole('heading', { level: 2, name: '13 mã QR – Thành phố Cần Thơ' });
    await sheetTitle.waitFor();
    expect(await sheetTitle.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByText('Đã bỏ qua 1 mã hồ sơ trùng.').isVisible()).toBe(true);
    expect(await page.getByText('1.001193 · Thủ tục đăng ký khai sinh').isVisible()).toBe(true);

    const cards = page.locator('.qr-card');
    expect(await cards.count()).toBe(13);
    expect(await cards.locator('.qr-card__ref').allTextContents()).toEqual(refs);
    expect(await cards.first().getByText('Thành phố Cần Thơ').isVisible()).toBe(true);
    expect(await cards.getByRole('img').count()).toBe(13);
    expect(await cards.first().getByRole('img').getAttribute('alt')).toBe(`Mã QR khảo sát của hồ sơ ${refs[0]}`);
    expect(await imagesLoaded(page)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/print-receipts.png`, fullPage: true });

    // On paper: the cards only, no form, header or buttons.
    expect(await page.getByRole('button', { name: 'In tờ mã QR' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await keyField.isVisible()).toBe(false);
    expect(await refsField.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'In tờ mã QR' }).isVisible()).toBe(false);
    expect(await cards.first().isVisible()).toBe(true);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/print-receipts-print-media.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(pdfPages(await printToPdf(page, 'print-receipts'))).toBe(2);

    // Each card is a genuine receipt link of the unit, with the procedure.
    const status = await t.server.app.inject({ method: 'GET', url: `/api/tokens/${tokens[0]!.token}` });
    expect(status.json()).toMatchObject({ unit: { code: '92' }, procedure: '1.001193', channel: 'counter', used: false });
    expect(realErrors(errors)).toEqual([]);
    await desktop.close();
  });

  it('shows the counter poster of a unit with its QR code and prints it on one A4 page', async () => {
    const desktop = await newDesktopContext(t.browser);
    const page = await desktop.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${t.server.url}/print/counter/92`);
    await page.getByRole('heading', { level: 1, name: 'Thành phố Cần Thơ' }).waitFor();
    const qr = page.getByRole('img', { name: 'Mã QR mở phiếu khảo sát sự hài lòng của Thành phố Cần Thơ' });
    expect(await qr.getAttribute('src')).toBe('/api/units/92/counter-qr.svg');
    await expect.poll(() => imagesLoaded(page)).toBe(true);
    expect(await page.getByText('Quét mã để đánh giá sự hài lòng về sự phục vụ của chúng tôi').isVisible()).toBe(true);
    expect(await page.getByText('Scan the code to tell us how satisfied you are with our service').isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/print-counter.png`, fullPage: true });

    expect(await page.getByRole('button', { name: 'In áp phích' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'In áp phích' }).isVisible()).toBe(false);
    expect(await qr.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(pdfPages(await printToPdf(page, 'print-counter'))).toBe(1);

    // An unknown unit: said so, and no broken image.
    await page.goto(`${t.server.url}/print/counter/99999`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy đơn vị' }).waitFor();
    expect(await page.getByRole('img').count()).toBe(0);
    expect(realErrors(errors)).toEqual([]);
    await desktop.close();
  });

  it('stamps responses reached through the counter poster with the counter channel', async () => {
    const phone = await newPhoneContext(t.browser);
    const page = await phone.newPage();
    const errors = collectPageErrors(page);
    // The address in the poster's QR code (server: `<PUBLIC_URL>/s/<code>?channel=counter`).
    await page.goto(`${t.server.url}/s/92?channel=counter`);
    await page.getByRole('heading', { level: 2, name: /Phần 1\// }).waitFor();
    await answerAndSubmit(page);
    await page.getByRole('heading', { level: 1, name: /cảm ơn/i }).waitFor();
    const stored = await t.server.app.db.selectFrom('responses').select(['channel', 'from_receipt']).execute();
    expect(stored).toEqual([{ channel: 'counter', from_receipt: false }]);
    expect(errors).toEqual([]);
    await phone.close();
  });
});

