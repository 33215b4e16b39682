// A tiny dictionary-based i18n: Vietnamese is the reference language, English may be partial.

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

export function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}

/** UI strings of one feature: every key in Vietnamese, English optional (falls back to Vietnamese). */
export type Dictionary<K extends string> = { vi: Record<K, string>; en: Partial<Record<K, string>> };

export type Params = Record<string, string | number>;

/** Replaces `{name}` with params.name; unknown placeholders stay visible so that a missing value is noticed. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}

export function translate<K extends string>(
  dictionary: Dictionary<K>,
  locale: Locale,
  key: K,
  params?: Params,
): string {
  const template = (locale === 'en' ? dictionary.en[key] : undefined) ?? dictionary.vi[key] ?? key;
  return interpolate(template, params);
}

/** Localized text of a survey definition or of results: `{ vi, en? }`; blank English falls back to Vietnamese. */
export type LocalizedText = { vi: string; en?: string | undefined };

export function localize(text: LocalizedText | undefined | null, locale: Locale): string {
  if (!text) return '';
  if (locale === 'en' && text.en && text.en.trim() !== '') return text.en;
  return text.vi;
}

/** A unit's name in the UI language: units have nameEn only sometimes. */
export function unitName(unit: { nameVi: string; nameEn: string | null }, locale: Locale): string {
  return locale === 'en' && unit.nameEn ? unit.nameEn : unit.nameVi;
}

/** Strings of the page shell (header, footer, loading, errors), in the entry chunk; page strings live with their page. */
export const commonStrings: Dictionary<
  | 'siteName'
  | 'siteTagline'
  | 'switchToOther'
  | 'skipToContent'
  | 'loading'
  | 'loadError'
  | 'networkError'
  | 'retry'
  | 'footer'
> = {
  vi: {
    siteName: 'Khảo sát sự hài lòng',
    siteTagline: 'Sự phục vụ của cơ quan hành chính nhà nước',
    switchToOther: 'English',
    skipToContent: 'Bỏ qua, đến nội dung chính',
    loading: 'Đang tải…',
    loadError: 'Không tải được dữ liệu. Vui lòng thử lại.',
    networkError: 'Không kết nối được máy chủ. Kiểm tra kết nối mạng rồi thử lại.',
    retry: 'Thử lại',
    footer: 'Phần mềm mã nguồn mở đo lường sự hài lòng (SIPAS).',
  },
  en: {
    siteName: 'Satisfaction survey',
    siteTagline: 'Public administrative services',
    switchToOther: 'Tiếng Việt',
    skipToContent: 'Skip to main content',
    loading: 'Loading…',
    loadError: 'Could not load the data. Please try again.',
    networkError: 'Could not reach the server. Check your connection and try again.',
    retry: 'Try again',
    footer: 'Open-source platform for measuring satisfaction (SIPAS).',
  },
};
