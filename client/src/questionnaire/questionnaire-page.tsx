import { useSearchParams } from 'wouter';
import { isNotFound, ApiRequestError } from '../lib/api.ts';
import { LoadError, Loading } from '../lib/load-error.tsx';
import { useTranslate } from '../lib/locale-context.tsx';
import { DEFAULT_SURVEY, useSurveyDefinition } from '../lib/survey-definition.api.ts';
import { QuestionnaireForm } from './questionnaire-form.tsx';
import { questionnaireStrings } from './questionnaire.strings.ts';
import { useUnit } from './unit.api.ts';
import './questionnaire.css';

/**
 * /s/:unitCode[?survey=key][&channel=counter]: the public questionnaire for one unit (reached from a QR code;
 * `channel=counter` is the unit's counter poster, and stamps the response so).
 */
export default function QuestionnairePage({ unitCode }: { unitCode: string }) {
  const [params] = useSearchParams();
  const surveyKey = params.get('survey') || DEFAULT_SURVEY;
  const unit = useUnit(unitCode);
  const survey = useSurveyDefinition(surveyKey);

  // A malformed code (400) is as unknown to the respondent as a missing one (404).
  if (unit.status === 'error' && (isNotFound(unit.error) || isBadRequest(unit.error))) {
    return <NotFound kind="unit" value={unitCode} />;
  }
  if (survey.status === 'error' && (isNotFound(survey.error) || isBadRequest(survey.error))) {
    return <NotFound kind="survey" value={surveyKey} />;
  }
  if (unit.status === 'error' || survey.status === 'error') {
    const failed = unit.status === 'error' ? unit : survey;
    return (
      <div className="page page--narrow">
        <LoadError
          error={failed.status === 'error' ? failed.error : null}
          onRetry={() => {
            unit.reload();
            survey.reload();
          }}
        />
      </div>
    );
  }
  if (unit.status === 'loading' || survey.status === 'loading') {
    return (
      <div className="page page--narrow">
        <Loading />
      </div>
    );
  }
  // Keyed so that another unit or survey version starts from its own saved answers.
  return (
    <QuestionnaireForm
      key={`${survey.data.key}:${survey.data.version}:${unit.data.code}`}
      definition={survey.data}
      unit={unit.data}
      channel={params.get('channel') === 'counter' ? 'counter' : 'web'}
    />
  );
}

function isBadRequest(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 400;
}

function NotFound({ kind, value }: { kind: 'unit' | 'survey'; value: string }) {
  const t = useTranslate(questionnaireStrings);
  const title = kind === 'unit' ? t('unitNotFound') : t('surveyNotFound');
  return (
    <div className="page page--narrow">
      <title>{title}</title>
      <div className="card not-found">
        <h1>{title}</h1>
        <p>{kind === 'unit' ? t('unitNotFoundText', { code: value }) : t('surveyNotFoundText', { key: value })}</p>
        <p>
          <a href="/">{t('home')}</a>
        </p>
      </div>
    </div>
  );
}
