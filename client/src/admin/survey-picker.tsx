import { useId } from 'react';
import { useSearchParams } from 'wouter';
import { localize } from '../lib/i18n.ts';
import { useLocale, useTranslate } from '../lib/locale-context.tsx';
import { DEFAULT_SURVEY } from '../lib/survey-definition.api.ts';
import { adminStrings } from './admin.strings.ts';
import { useSurveys } from './surveys.api.ts';

/** The survey whose results are shown, kept in `?survey=` so that links can be shared. */
export function useSurveyKey(): [string, (key: string) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.get('survey') || DEFAULT_SURVEY;
  const setKey = (next: string) =>
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      if (next === DEFAULT_SURVEY) out.delete('survey');
      else out.set('survey', next);
      return out;
    });
  return [key, setKey];
}

export function surveyQuery(key: string): string {
  return key === DEFAULT_SURVEY ? '' : `?survey=${encodeURIComponent(key)}`;
}

export function SurveyPicker() {
  const t = useTranslate(adminStrings);
  const { locale } = useLocale();
  const id = useId();
  const [key, setKey] = useSurveyKey();
  const surveys = useSurveys();
  if (surveys.status !== 'success') return null;

  // One entry per survey key: the latest published version is what results default to.
  const byKey = new Map<string, (typeof surveys.data.surveys)[number]>();
  for (const survey of surveys.data.surveys) {
    if (survey.status !== 'published') continue;
    const seen = byKey.get(survey.key);
    if (!seen || seen.version < survey.version) byKey.set(survey.key, survey);
  }
  if (byKey.size <= 1 && byKey.has(key)) return null;

  return (
    <div className="field">
      <label htmlFor={id}>{t('survey')}</label>
      <select id={id} value={key} onChange={(event) => setKey(event.target.value)}>
        {!byKey.has(key) && <option value={key}>{key}</option>}
        {[...byKey.values()].map((survey) => (
          <option key={survey.key} value={survey.key}>
            {localize(survey.title, locale)} ({survey.key})
          </option>
        ))}
      </select>
    </div>
  );
}
