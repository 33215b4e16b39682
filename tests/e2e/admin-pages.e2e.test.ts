import { loadDefinitions } from '@sipas/survey-definitions/load';
import { describe, expect, it } from 'vitest';
import { signInPage } from '../support/admin-session.ts';
import { seriousAxeViolations } from '../support/axe.ts';
import { collectPageErrors, newDesktopContext } from '../support/browser.ts';
import { useLiveServerAndBrowser } from '../support/live-server.ts';

const sipas2017 = loadDefinitions().find((d) => d.definition.key === 'sipas-2017')!;

describe('the administrator pages', () => {
  const t = useLiveServerAndBrowser();

  it.each([
    ['/admin', { level: 1 as const }],
    ['/admin/units/92', { level: 1 as const, name: 'Cần Thơ (92)' }],
    ['/admin/surveys', { level: 1 as const, name: 'Phiếu khảo sát' }],
    ['/admin/surveys/sipas-2017/1', { level: 1 as const, name: sipas2017.definition.title.vi }],
    ['/admin/surveys/sipas-2023-services/1', { level: 1 as const }],
    ['/admin/users', { level: 1 as const, name: 'Người dùng và vai trò' }],
  ])('%s loads with no console error and no serious axe violation', async (path, heading) => {
    const context = await newDesktopContext(t.browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInPage(page, t.server.url);
    await page.goto(`${t.server.url}${path}`);
    await page.getByRole('heading', heading).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('previews a survey version in both languages with its components, criteria and full hash', async () => {
    const context = await newDesktopContext(t.browser);
    const page = await context.newPage();
    await signInPage(page, t.server.url);
    await page.goto(`${t.server.url}/admin/surveys`);
    await page.getByRole('row', { name: /sipas-2017/ }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: sipas2017.definition.title.vi }).waitFor();
    expect(await page.getByText(sipas2017.hash).isVisible()).toBe(true);

    const scoring = page.getByRole('table', { name: /5 yếu tố, 22 tiêu chí/ });
    expect(await scoring.isVisible()).toBe(true);
    const firstCriterion = sipas2017.definition.sections.find((s) => s.id === 'access')!.questions[0]!;
    expect(await scoring.getByText(firstCriterion.text.vi).count()).toBeGreaterThan(0);

    await page.getByRole('group', { name: 'Ngôn ngữ xem trước' }).getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { level: 1, name: sipas2017.definition.title.en! }).waitFor();
    expect(await page.getByText(firstCriterion.text.en!).first().isVisible()).toBe(true);
    await context.close();
  });
});
