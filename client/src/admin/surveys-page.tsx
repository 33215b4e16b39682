import { Link } from 'wouter';
import { formatNumber } from '../lib/format.ts';
import { localize } from '../lib/i18n.ts';
import { LoadError, Loading } from '../lib/load-error.tsx';
import { useLocale, useTranslate } from '../lib/locale-context.tsx';
import { useSurveys } from './surveys.api.ts';
import { surveysStrings } from './surveys.strings.ts';
import { StatusBadge, surveyVersionPath } from './survey-status.tsx';
import { ScrollTable } from './scroll-table.tsx';

/** /admin/surveys: every survey version the server loaded, with its status and file hash. */
export function SurveysPage() {
  const t = useTranslate(surveysStrings);
  const { locale } = useLocale();
  const surveys = useSurveys();

  return (
    <div className="page page--wide admin">
      <title>{t('listTitle')}</title>
      <h1>{t('listTitle')}</h1>
      <p className="lead">{t('listIntro')}</p>

      {surveys.status === 'loading' && <Loading />}
      {surveys.status === 'error' && <LoadError error={surveys.error} onRetry={surveys.reload} />}
      {surveys.status === 'success' && (
        <ScrollTable caption={t('listCaption', { count: formatNumber(surveys.data.surveys.length) })} className="surveys-table">
          <thead>
            <tr>
              <th scope="col">{t('colSurvey')}</th>
              <th scope="col" className="num">
                {t('colVersion')}
              </th>
              <th scope="col">{t('colStatus')}</th>
              <th scope="col">{t('colHash')}</th>
            </tr>
          </thead>
          <tbody>
            {surveys.data.surveys.map((survey) => (
              <tr key={`${survey.key}@${survey.version}`}>
                <th scope="row">
                  <Link href={surveyVersionPath(survey.key, survey.version)}>
                    {localize(survey.title, locale)}
                    <span className="visually-hidden">{t('versionSuffix', { version: survey.version })}</span>
                  </Link>
                  <span className="surveys-table__key">
                    {t('colKey')}: <code>{survey.key}</code>
                  </span>
                </th>
                <td className="num">{formatNumber(survey.version)}</td>
                <td>
                  <StatusBadge status={survey.status} />
                </td>
                <td>
                  {/* The first 12 hex digits tell versions apart; the preview page shows all 64. */}
                  <code className="hash" title={survey.hash}>
                    {survey.hash.slice(0, 12)}…
                  </code>
                </td>
              </tr>
            ))}
            {surveys.data.surveys.length === 0 && (
              <tr>
                <td colSpan={4}>{t('noSurveys')}</td>
              </tr>
            )}
          </tbody>
        </ScrollTable>
      )}
    </div>
  );
}
