import { useTranslate } from '../lib/locale-context.tsx';
import { surveysStrings } from './surveys.strings.ts';

/** Relative to /admin (nested router). */
export function surveyVersionPath(key: string, version: number): string {
  return `/surveys/${encodeURIComponent(key)}/${version}`;
}

/** A version's status in words; the colour only repeats what the word says. */
export function StatusBadge({ status }: { status: string }) {
  const t = useTranslate(surveysStrings);
  const label =
    status === 'published'
      ? t('statusPublished')
      : status === 'draft'
        ? t('statusDraft')
        : status === 'retired'
          ? t('statusRetired')
          : status;
  return <span className={`status-badge status-badge--${status}`}>{label}</span>;
}
