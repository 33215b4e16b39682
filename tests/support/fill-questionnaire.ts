import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Answers the current screen as a satisfied citizen: "Hài lòng", "Không" to yes/no, a first option elsewhere. */
export async function answerScreen(page: Page): Promise<void> {
  const groups = page.locator('main fieldset');
  for (let i = 0; i < (await groups.count()); i++) {
    const group = groups.nth(i);
    const satisfied = group.getByRole('radio', { name: 'Hài lòng', exact: true });
    const no = group.getByRole('radio', { name: 'Không', exact: true });
    if (await satisfied.count()) await satisfied.check();
    else if (await no.count()) await no.check();
    else if (await group.getByRole('checkbox').count()) await group.getByRole('checkbox').first().check();
    else if (await group.getByRole('radio').count()) await group.getByRole('radio').first().check();
  }
}

/**
 * Answers screen after screen ("Tiếp tục", waiting for each new heading) up to the last; returns how many
 * times it moved on. It does not submit, so a test can check the last screen first.
 */
export async function answerUpToLastScreen(page: Page): Promise<number> {
  let screens = 0;
  while (await page.getByRole('button', { name: 'Tiếp tục' }).count()) {
    expect(screens).toBeLessThan(15);
    await answerScreen(page);
    const heading = await page.getByRole('heading', { level: 2 }).first().textContent();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).not.toBe(heading);
    screens++;
  }
  await answerScreen(page);
  return screens;
}

/** Answers everything and submits. */
export async function answerAndSubmit(page: Page): Promise<void> {
  await answerUpToLastScreen(page);
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
}
