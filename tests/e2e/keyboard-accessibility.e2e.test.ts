import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations, type AxeViolation } from '../support/axe.ts';
import { collectPageErrors, newPhoneContext } from '../support/browser.ts';
import { describeFocus } from '../support/keyboard.ts';
import { useLiveServerAndBrowser } from '../support/live-server.ts';

const definition = loadDefinitions().find((d) => d.definition.key === 'sipas-2023-services')!.definition;
const feedbackTexts = definition.sections.find((s) => s.id === 'feedback')!.questions.map((q) => q.text.vi);

/**
 * Answers the current screen with the keyboard only: Tab through it, choose in each required group
 * with the arrow keys (or Space), and press Enter on the button that moves on.
 * Returns the legends met and the button pressed.
 */
async function answerScreenByKeyboard(page: Page): Promise<{ legends: string[]; pressed: string }> {
  const legends: string[] = [];
  for (let tabs = 0; tabs < 150; tabs++, await page.keyboard.press('Tab')) {
    const focus = await describeFocus(page);
    const forward = ['Tiếp tục', 'Gửi đánh giá'].find((name) => focus.tag === 'button' && focus.name.startsWith(name));
    if (forward) {
      await page.keyboard.press('Enter');
      return { legends, pressed: forward };
    }
    if (!focus.group) continue;
    if (!legends.includes(focus.group.legend)) legends.push(focus.group.legend);
    if (focus.group.anyChecked || /không bắt buộc/.test(focus.group.legend)) continue;
    if (focus.type === 'checkbox') {
      await page.keyboard.press('Space');
      continue;
    }
    // Arrow keys move and choose: 5 levels (+ not applicable) -> "Hài lòng"; 4 levels -> the 3rd; yes/no -> "Không".
    const moves = focus.group.options >= 5 ? 3 : focus.group.options === 4 ? 2 : focus.group.options === 2 ? 1 : 0;
    if (moves === 0) await page.keyboard.press('Space');
    for (let i = 0; i < moves; i++) await page.keyboard.press('ArrowDown');
  }
  throw new Error('no way forward found on this screen by keyboard');
}

describe('the questionnaire with the keyboard only, on a phone, in Vietnamese', () => {
  const t = useLiveServerAndBrowser();

  it('completes sipas-2023-services with no serious axe violation on any screen; no feedback hides the feedback questions', async () => {
    const context = await newPhoneContext(t.browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${t.server.url}/s/42?survey=sipas-2023-services`);
    await page.getByRole('heading', { level: 2, name: /Phần 1\// }).waitFor();

    // Moving on with nothing answered: the errors are announced and focus goes to the first one.
    await page.getByRole('button', { name: 'Tiếp tục' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alert').first().waitFor();
    const afterError = await describeFocus(page);
    expect(afterError.group?.legend ?? afterError.name).toMatch(/\S/);

    const violations: Array<AxeViolation & { screen: string }> = [];
    const legendsSeen: string[] = [];
    let screen = '';
    for (let step = 0; step < 15; step++) {
      const heading = page.getByRole('heading', { level: 2 }).first();
      screen = (await heading.textContent()) ?? '';
      if (step > 0) {
        // Focus moves to each new screen's heading, so a screen reader starts reading there.
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
      }
      violations.push(...(await seriousAxeViolations(page)).map((v) => ({ ...v, screen })));
      const { legends, pressed } = await answerScreenByKeyboard(page);
      legendsSeen.push(...legends);
      if (pressed === 'Gửi đánh giá') break;
      await expect.poll(() => heading.textContent()).not.toBe(screen);
    }

    await page.getByRole('heading', { level: 1, name: /cảm ơn/i }).waitFor();
    violations.push(...(await seriousAxeViolations(page)).map((v) => ({ ...v, screen: 'thank-you' })));
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    for (const text of feedbackTexts) expect(legendsSeen.some((legend) => legend.includes(text))).toBe(false);

    const stored = await t.server.app.db.selectFrom('responses').select(['survey_key', 'answers']).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.survey_key).toBe('sipas-2023-services');
    expect(stored[0]!.answers.feedback_given).toBe(false);
    expect(stored[0]!.answers.access_signage).toBe(4);
    expect(Object.keys(stored[0]!.answers).some((id) => id.startsWith('feedback_') && id !== 'feedback_given')).toBe(false);
    await context.close();
  });

  it('keeps the answers across a reload and a language switch', async () => {
    const context = await newPhoneContext(t.browser);
    const page = await context.newPage();
    await page.goto(`${t.server.url}/s/42?survey=sipas-2023-services`);
    await page.getByRole('heading', { level: 2, name: /Phần 1\// }).waitFor();
    await page.getByRole('radio', { name: 'Không', exact: true }).check();

    await page.reload();
    await page.getByRole('heading', { level: 2, name: /Phần 1\// }).waitFor();
    expect(await page.getByRole('radio', { name: 'Không', exact: true }).isChecked()).toBe(true);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: /Part 1 of/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('radio', { name: 'No', exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('button', { name: 'Next' }).isVisible()).toBe(true);
    await context.close();
  });
});
