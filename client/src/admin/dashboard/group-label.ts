import type { Locale } from '../../lib/i18n.ts';
import { dashboardStrings } from './dashboard.strings.ts';

/** A group tag "region:Bắc Trung Bộ" or "type:xã" in words: "vùng Bắc Trung Bộ", "nhóm xã". */
export function groupLabel(tag: string, locale: Locale): string {
  const colon = tag.indexOf(':');
  const kind = colon < 0 ? '' : tag.slice(0, colon);
  const name = colon < 0 ? tag : tag.slice(colon + 1);
  const key = kind === 'region' ? 'groupRegion' : kind === 'type' ? 'groupType' : 'groupOther';
  // Looked up here rather than through lib/i18n's translate: each lib export the admin chunk imports grows
  // the questionnaire's entry chunk, which is at its budget.
  const template = (locale === 'en' ? dashboardStrings.en[key] : undefined) ?? dashboardStrings.vi[key];
  return template.replace('{name}', name);
}
