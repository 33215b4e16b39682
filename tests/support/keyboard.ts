import type { Page } from 'playwright-core';

/** What has the keyboard focus, described the way a screen-reader user would meet it. */
export interface FocusedElement {
  tag: string;
  type: string;
  name: string;
  checked: boolean;
  /** For a radio or checkbox: its group's legend, how many options, and whether one is chosen. */
  group: { legend: string; options: number; anyChecked: boolean } | null;
}

export async function describeFocus(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: 'none', type: '', name: '', checked: false, group: null };
    const input = el as HTMLInputElement;
    const fieldset = el.closest('fieldset');
    const choices = fieldset ? Array.from(fieldset.querySelectorAll<HTMLInputElement>('input[type=radio],input[type=checkbox]')) : [];
    const label = input.labels?.[0]?.textContent ?? '';
    return {
      tag: el.tagName.toLowerCase(),
      type: input.type ?? '',
      name: (el.getAttribute('aria-label') ?? (label || el.textContent) ?? '').trim(),
      checked: Boolean(input.checked),
      group:
        fieldset && (input.type === 'radio' || input.type === 'checkbox')
          ? {
              legend: fieldset.querySelector('legend')?.textContent?.trim() ?? '',
              options: choices.length,
              anyChecked: choices.some((c) => c.checked),
            }
          : null,
    };
  });
}
