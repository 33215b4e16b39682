import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Unit } from '@sipas/server/api/units';
import type { Answers, AnswerValue, Question, SurveyDefinition } from '@sipas/survey-definitions/schema';
import { ApiRequestError, NetworkError } from '../lib/api.ts';
import { browserStorage, clearProgress, loadProgress, saveProgress } from '../lib/answer-storage.ts';
import { localize, unitName } from '../lib/i18n.ts';
import { useLocale, useTranslate } from '../lib/locale-context.tsx';
import { newUuid } from '../lib/uuid.ts';
import { fieldId, QuestionField, questionText } from './question-field.tsx';
import { questionnaireStrings } from './questionnaire.strings.ts';
import { submitResponse } from './responses.api.ts';
import {
  answerProblems,
  questionProblem,
  screenProblems,
  visibleAnswers,
  visibleScreens,
  type FieldErrorKind,
} from './screens.ts';

type Submission =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'failed'; reason: 'network' | 'server' }
  | { status: 'rejected'; issues: Array<{ path: string; message: string }> }
  | { status: 'done' };

/** Where focus goes after the next render: the screen heading, or the first field in error. */
type PendingFocus = { to: 'heading' } | { to: 'field'; questionId: string } | null;

const storage = browserStorage();

function focusField(questionId: string) {
  const field = document.getElementById(fieldId(questionId));
  // A radio group is entered at its checked option, as the keyboard would.
  const target =
    field?.querySelector<HTMLElement>('input:checked') ?? field?.querySelector<HTMLElement>('input, textarea, select');
  field?.scrollIntoView({ block: 'start' });
  target?.focus();
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

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
  const [answers, setAnswers] = useState<Answers>(saved?.answers ?? {});
  const [sectionId, setSectionId] = useState<string | null>(saved?.sectionId ?? null);
  const [responseId, setResponseId] = useState<string | null>(saved?.responseId ?? null);
  const [restored, setRestored] = useState(saved !== null && Object.keys(saved.answers).length > 0);
  const [errors, setErrors] = useState<ReadonlyMap<string, FieldErrorKind>>(new Map());
  const [submission, setSubmission] = useState<Submission>({ status: 'idle' });
  const pendingFocus = useRef<PendingFocus>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const screens = useMemo(() => visibleScreens(definition, answers), [definition, answers]);
  const found = screens.findIndex((s) => s.section.id === sectionId);
  const index = found === -1 ? 0 : found;
  const screen = screens[index];
  const isLast = index === screens.length - 1;
  const done = submission.status === 'done';

  useEffect(() => {
    if (done) return;
    saveProgress(storage, definition.key, scope, { version: definition.version, answers, sectionId, responseId });
  }, [definition, scope, answers, sectionId, responseId, done]);

  // Runs after every render: focus requested by an event handler is applied once the new screen is in the DOM.
  useEffect(() => {
    const request = pendingFocus.current;
    if (!request) return;
    pendingFocus.current = null;
    if (request.to === 'heading') {
      window.scrollTo(0, 0);
      headingRef.current?.focus();
    } else {
      focusField(request.questionId);
    }
  });

  const allQuestions = useMemo(() => new Map(definition.sections.flatMap((s) => s.questions).map((q) => [q.id, q])), [definition]);

  const setAnswer = (question: Question, value: AnswerValue | undefined) => {
    setAnswers((prev) => {
      const next = { ...prev };
      if (value === undefined) delete next[question.id];
      else next[question.id] = value;
      return next;
    });
    // A shown error is re-checked live so that it disappears as soon as it is fixed.
    if (errors.has(question.id)) {
      const problem = questionProblem(question, value);
      setErrors((prev) => {
        const next = new Map(prev);
        if (problem) next.set(question.id, problem);
        else next.delete(question.id);
        return next;
      });
    }
    if (submission.status === 'rejected' || submission.status === 'failed') setSubmission({ status: 'idle' });
  };

  const goTo = (targetSectionId: string) => {
    setSectionId(targetSectionId);
    setErrors(new Map());
    setRestored(false);
    pendingFocus.current = { to: 'heading' };
  };

  /** Shows problems on the first screen that has one; returns false if there were any. */
  const showProblems = (problems: ReadonlyMap<string, FieldErrorKind>): boolean => {
    if (problems.size === 0) return true;
    const first = screens.find((s) => s.questions.some((q) => problems.has(q.id)));
    if (first && first.section.id !== screen?.section.id) setSectionId(first.section.id);
    const onScreen = new Map([...problems].filter(([id]) => first?.questions.some((q) => q.id === id)));
    setErrors(onScreen);
    const firstId = onScreen.keys().next().value;
    if (firstId) pendingFocus.current = { to: 'field', questionId: firstId };
    return false;
  };

  const next = () => {
    if (!screen) return;
    if (!showProblems(screenProblems(definition, answers, screen))) return;
    const following = screens[index + 1];
    if (following) goTo(following.section.id);
  };

  const back = () => {
    const previous = screens[index - 1];
    if (previous) goTo(previous.section.id);
  };

  const submit = async () => {
    if (submission.status === 'sending' || !screen) return;
    if (!showProblems(screenProblems(definition, answers, screen))) return;
    if (!showProblems(answerProblems(definition, answers))) return;

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
    pendingFocus.current = { to: 'heading' };
  };

  const startOver = () => {
    clearProgress(storage, definition.key, scope);
    setAnswers({});
    setResponseId(null);
    setRestored(false);
    setErrors(new Map());
    const first = visibleScreens(definition, {})[0];
    if (first) goTo(first.section.id);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isLast) void submit();
    else next();
  };

  const title = localize(definition.title, locale);
  const unitLabel = locale === 'vi' ? unit.fullNameVi : unitName(unit, locale);

  if (done) {
    return (
      <div className="page page--narrow questionnaire">
        <title>{title}</title>
        <div className="card thank-you">
          <span className="thank-you__icon" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="48" height="48" focusable="false">
              <circle cx="12" cy="12" r="11" fill="currentColor" />
              <path d="M7 12.5l3.2 3.2L17.5 8.5" fill="none" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </span>
          <h1 ref={headingRef} tabIndex={-1}>
            {localize(definition.thankYou, locale)}
          </h1>
          <p>{t('thankYouNote')}</p>
          <p className="thank-you__unit">
            {t('unitLabel')}: <strong>{unitLabel}</strong>
          </p>
        </div>
      </div>
    );
  }

  if (!screen) return null;

  const errorList = screen.questions.filter((q) => errors.has(q.id));
  const otherIssues =
    submission.status === 'rejected'
      ? submission.issues.filter(
          (issue) => !screens.some((s) => s.questions.some((q) => `answers.${q.id}` === issue.path)),
        )
      : [];

  return (
    <div className="page page--narrow questionnaire">
      <title>{`${localize(screen.section.title, locale)} – ${title}`}</title>
      {/* The full title and introduction open the survey; later screens keep the phone screen for questions. */}
      <header className={index === 0 ? 'survey-header' : 'survey-header survey-header--compact'}>
        <h1 className={index === 0 ? 'survey-header__title' : 'visually-hidden'}>{title}</h1>
        <p className="survey-header__unit">
          <span className="survey-header__unit-label">{t('unitLabel')}</span>
          <strong>{unitLabel}</strong>
        </p>
        {receipt?.note}
      </header>

      {restored && (
        <div className="notice restored">
          <p>{t('restored')}</p>
          <button type="button" className="button button--secondary button--compact" onClick={startOver}>
            {t('startOver')}
          </button>
        </div>
      )}

      {index === 0 && (
        <div className="survey-intro">
          {paragraphs(localize(definition.introduction, locale)).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}

      <form className="survey-form" noValidate onSubmit={onSubmit}>
        <div className="progress" aria-hidden="true">
          <span className="progress__bar" style={{ width: `${((index + 1) / screens.length) * 100}%` }} />
        </div>
        <h2 ref={headingRef} tabIndex={-1} className="section-heading">
          <span className="section-heading__progress">{t('progress', { current: index + 1, total: screens.length })}</span>{' '}
          <span className="section-heading__title">{localize(screen.section.title, locale)}</span>
        </h2>
        {screen.section.description && (
          <p className="section-description">{localize(screen.section.description, locale)}</p>
        )}

        {errorList.length > 0 && (
          <div className="error-summary" role="alert">
            <p className="error-summary__title">{t('errorSummary', { count: errorList.length })}</p>
            <ul>
              {errorList.map((q) => (
                <li key={q.id}>
                  <a
                    href={`#${fieldId(q.id)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      focusField(q.id);
                    }}
                  >
                    {questionText(q, locale)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}

        {/* Issues about questions are shown on the questions themselves; the rest (unit, version) here. */}
        {submission.status === 'rejected' && otherIssues.length > 0 && (
          <div className="error-summary" role="alert">
            <p className="error-summary__title">{t('rejected')}</p>
            <ul>
              {otherIssues.map((issue, i) => (
                <li key={i}>{issue.path ? `${issue.path}: ${issue.message}` : issue.message}</li>
              ))}
            </ul>
          </div>
        )}

        {screen.questions.map((question) => (
          <QuestionField
            key={question.id}
            question={question}
            value={answers[question.id]}
            error={errors.get(question.id) ?? null}
            onChange={(value) => setAnswer(question, value)}
          />
        ))}

        {submission.status === 'failed' && (
          <div className="notice notice--error" role="alert">
            <p>{submission.reason === 'network' ? t('networkError') : t('serverError')}</p>
          </div>
        )}

        <div className="form-nav">
          {index > 0 && (
            <button type="button" className="button button--secondary" onClick={back}>
              <span aria-hidden="true">‹ </span>
              {t('back')}
            </button>
          )}
          <button type="submit" className="button button--primary form-nav__next" aria-disabled={submission.status === 'sending'}>
            {isLast ? t('submit') : t('next')}
            {!isLast && <span aria-hidden="true"> ›</span>}
          </button>
        </div>
        <p className="sending" role="status">
          {submission.status === 'sending' ? t('submitting') : ''}
        </p>
      </form>
    </div>
  );
}
