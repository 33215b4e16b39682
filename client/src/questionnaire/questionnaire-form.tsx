import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Unit } from '@sipas/server/api/units';
import type { SurveyDefinition } from '@sipas/survey-definitions/schema';
import { ApiRequestError, NetworkError } from '../lib/api.ts';
import { browserStorage, clearProgress, loadProgress, saveProgress } from '../lib/answer-storage.ts';
import { localize, unitName } from '../lib/i18n.ts';
import { useLocale, useTranslate } from '../lib/locale-context.tsx';
import { newUuid } from '../lib/uuid.ts';
import { questionnaireStrings } from './questionnaire.strings.ts';
import { submitResponse } from './responses.api.ts';
import { questionProblem, visibleAnswers, type FieldErrorKind } from './screens.ts';
import { ThankYou } from './thank-you.tsx';
import { useScreenFlow } from './use-screen-flow.tsx';

type Submission =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'failed'; reason: 'network' | 'server' }
  | { status: 'rejected'; issues: Array<{ path: string; message: string }> }
  | { status: 'done' };

const storage = browserStorage();

/** A receipt link (/r/:token) answering through this form. */
export interface ReceiptHook {
  token: string;
  /** Where unfinished answers are saved instead of under the unit (one receipt, one set of answers). */
  scope: string;
  /** Shown under the unit, e.g. the procedure of the dossier. */
  note: ReactNode;
  /** The server refused the token on submit (spent: 409; not valid: 400; expired or withdrawn: 410). */
  onRefused: (error: ApiRequestError) => void;
}

export function QuestionnaireForm({
  definition,
  unit,
  channel = 'web',
  receipt,
}: {
  definition: SurveyDefinition;
  unit: Unit;
  /** How the questionnaire was reached: `counter` from the unit's counter poster. */
  channel?: 'web' | 'counter';
  /** With a receipt the token names the unit and channel in the body. */
  receipt?: ReceiptHook;
}) {
  const { locale } = useLocale();
  const t = useTranslate(questionnaireStrings);
  const scope = receipt?.scope ?? unit.code;
  const [saved] = useState(() => loadProgress(storage, definition.key, scope, definition.version));
  const [responseId, setResponseId] = useState<string | null>(saved?.responseId ?? null);
  const [restored, setRestored] = useState(saved !== null && Object.keys(saved.answers).length > 0);
  const [submission, setSubmission] = useState<Submission>({ status: 'idle' });
  const flow = useScreenFlow(
    definition,
    saved,
    () => {
      if (submission.status === 'rejected' || submission.status === 'failed') setSubmission({ status: 'idle' });
    },
    () => setRestored(false),
  );
  const { answers, sectionId, screens, showProblems } = flow;
  const done = submission.status === 'done';

  useEffect(() => {
    if (done) return;
    saveProgress(storage, definition.key, scope, { version: definition.version, answers, sectionId, responseId });
  }, [definition, scope, answers, sectionId, responseId, done]);

  const allQuestions = useMemo(() => new Map(definition.sections.flatMap((s) => s.questions).map((q) => [q.id, q])), [definition]);

  const submit = async () => {
    if (submission.status === 'sending' || !flow.check()) return;

    // One id per response, saved before the first attempt: a retry (even after a reload) is recognised.
    const id = responseId ?? newUuid();
    if (!responseId) {
      setResponseId(id);
      saveProgress(storage, definition.key, scope, { version: definition.version, answers, sectionId, responseId: id });
    }
    setSubmission({ status: 'sending' });
    try {
      await submitResponse({
        id,
        survey: definition.key,
        version: definition.version,
        ...(receipt ? { token: receipt.token } : { unit: unit.code, channel }),
        locale,
        answers: visibleAnswers(definition, answers),
      });
      finish();
    } catch (error) {
      if (receipt && error instanceof ApiRequestError && error.body?.issues?.[0]?.path === 'token') {
        clearProgress(storage, definition.key, scope);
        receipt.onRefused(error);
      } else if (error instanceof ApiRequestError && error.status === 409) {
        // This id is already stored (an earlier attempt did arrive): the response is in.
        finish();
      } else if (error instanceof ApiRequestError && error.status === 400) {
        const issues = error.body?.issues ?? [{ path: '', message: error.message }];
        setSubmission({ status: 'rejected', issues });
        const problems = new Map<string, FieldErrorKind>();
        for (const issue of issues) {
          const question = allQuestions.get(issue.path.replace(/^answers\./, ''));
          if (question && !problems.has(question.id)) problems.set(question.id, questionProblem(question, answers[question.id]) ?? 'invalid');
        }
        if (problems.size > 0) showProblems(problems);
      } else {
        setSubmission({ status: 'failed', reason: error instanceof NetworkError ? 'network' : 'server' });
      }
    }
  };

  const finish = () => {
    clearProgress(storage, definition.key, scope);
    setSubmission({ status: 'done' });
    flow.focusHeading();
  };

  const startOver = () => {
    clearProgress(storage, definition.key, scope);
    setResponseId(null);
    flow.restart(); // hides this notice, as every move to another screen does
  };

  const title = localize(definition.title, locale);
  const unitLabel = locale === 'vi' ? unit.fullNameVi : unitName(unit, locale);

  if (done) {
    return (
      <div className="page page--narrow questionnaire">
        <title>{title}</title>
        <ThankYou text={localize(definition.thankYou, locale)} headingRef={flow.headingRef}>
          <p>{t('thankYouNote')}</p>
          <p className="thank-you__unit">
            {t('unitLabel')}: <strong>{unitLabel}</strong>
          </p>
        </ThankYou>
      </div>
    );
  }

  const otherIssues =
    submission.status === 'rejected'
      ? submission.issues.filter(
          (issue) => !screens.some((s) => s.questions.some((q) => `answers.${q.id}` === issue.path)),
        )
      : [];

  return flow.render({
    unitLabel,
    busy: submission.status === 'sending',
    onSubmit: submit,
    note: receipt?.note,
    notice:
      restored && (
        <div className="notice restored">
          <p>{t('restored')}</p>
          <button type="button" className="button button--secondary button--compact" onClick={startOver}>
            {t('startOver')}
          </button>
        </div>
      ),
    issues:
      // Issues about questions are shown on the questions themselves; the rest (unit, version) here.
      submission.status === 'rejected' &&
      otherIssues.length > 0 && (
        <div className="error-summary" role="alert">
          <p className="error-summary__title">{t('rejected')}</p>
          <ul>
            {otherIssues.map((issue, i) => (
              <li key={i}>{issue.path ? `${issue.path}: ${issue.message}` : issue.message}</li>
            ))}
          </ul>
        </div>
      ),
    alert:
      submission.status === 'failed' && (
        <div className="notice notice--error" role="alert">
          <p>{submission.reason === 'network' ? t('networkError') : t('serverError')}</p>
        </div>
      ),
    status:
      <p className="sending" role="status">
        {submission.status === 'sending' ? t('submitting') : ''}
      </p>,
  });
}
