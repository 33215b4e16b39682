import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Answers, AnswerValue, Question, SurveyDefinition } from '@sipas/survey-definitions/schema';
import { localize } from '../lib/i18n.ts';
import { useLocale, useTranslate } from '../lib/locale-context.tsx';
import { fieldId, QuestionField, questionText } from './question-field.tsx';
import { questionnaireStrings } from './questionnaire.strings.ts';
import { answerProblems, questionProblem, screenProblems, visibleScreens, type FieldErrorKind } from './screens.ts';

/** Where focus goes after the next render: the screen heading, or the first field in error. */
type PendingFocus = { to: 'heading' } | { to: 'field'; questionId: string } | null;

/** What only one of the forms shows on a screen. */
export interface ScreenSlots {
  unitLabel: string;
  /** A submission is under way: the submit button says so. */
  busy: boolean;
  /** On the last screen, once the form is submitted. */
  onSubmit: () => Promise<void>;
  /** Extra classes, each after a space. */
  className?: string;
  autoComplete?: 'off';
  /** In the header, under the unit. */
  note?: ReactNode;
  /** Between the header and the introduction. */
  notice?: ReactNode;
  /** After the error summary. */
  issues?: ReactNode;
  /** After the questions. */
  alert?: ReactNode;
  /** At the end of the form. */
  status?: ReactNode;
}

function focusField(questionId: string) {
  const field = document.getElementById(fieldId(questionId));
  // A radio group is entered at its checked option, as the keyboard would.
  const target =
    field?.querySelector<HTMLElement>('input:checked') ?? field?.querySelector<HTMLElement>('input, textarea, select');
  field?.scrollIntoView({ block: 'start' });
  target?.focus();
}

/**
 * The respondent's walk through a survey's screens, shared by /s/:unitCode, /r/:token and the kiosk:
 * answers, the current screen, field errors and where focus goes. Where answers are kept and sent stays
 * with the caller.
 */
export function useScreenFlow(
  definition: SurveyDefinition,
  /** Answers and screen to start from (saved progress). */
  saved?: { answers: Answers; sectionId: string | null } | null,
  /** Called on every answer change. */
  onAnswer?: () => void,
  /** Called on every move to another screen. */
  onMove?: () => void,
) {
  const { locale } = useLocale();
  const t = useTranslate(questionnaireStrings);
  const [answers, setAnswers] = useState<Answers>(saved?.answers ?? {});
  const [sectionId, setSectionId] = useState<string | null>(saved?.sectionId ?? null);
  const [errors, setErrors] = useState<ReadonlyMap<string, FieldErrorKind>>(new Map());
  const pendingFocus = useRef<PendingFocus>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const screens = useMemo(() => visibleScreens(definition, answers), [definition, answers]);
  const found = screens.findIndex((s) => s.section.id === sectionId);
  const index = found === -1 ? 0 : found;
  const screen = screens[index];

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
    onAnswer?.();
  };

  /** After the next render: focus (and scroll to) the heading, of the screen or of what replaced it. */
  const focusHeading = () => {
    pendingFocus.current = { to: 'heading' };
  };

  const goTo = (targetSectionId: string) => {
    setSectionId(targetSectionId);
    setErrors(new Map());
    onMove?.();
    focusHeading();
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
    if (!screen || !showProblems(screenProblems(definition, answers, screen))) return;
    const following = screens[index + 1];
    if (following) goTo(following.section.id);
  };

  const back = () => {
    const previous = screens[index - 1];
    if (previous) goTo(previous.section.id);
  };

  /** Before submitting: this screen first, then every screen; false (and problems shown) if any. */
  const check = () =>
    !!screen && showProblems(screenProblems(definition, answers, screen)) && showProblems(answerProblems(definition, answers));

  /** Back to the first screen with no answers. */
  const restart = () => {
    setAnswers({});
    const first = visibleScreens(definition, {})[0];
    if (first) goTo(first.section.id);
  };

  /** One screen: header, introduction, questions, error summary, back and next; the slots carry what only one form shows. */
  const render = ({ unitLabel, busy, onSubmit, className = '', autoComplete, note, notice, issues, alert, status }: ScreenSlots) => {
    if (!screen) return null;
    const title = localize(definition.title, locale);
    const errorList = screen.questions.filter((q) => errors.has(q.id));
    const isLast = index === screens.length - 1;
    const submit = (event: FormEvent) => {
      event.preventDefault();
      if (isLast) void onSubmit();
      else next();
    };

    return (
      <div className={`page page--narrow questionnaire${className}`}>
        <title>{`${localize(screen.section.title, locale)} – ${title}`}</title>
        {/* The full title and introduction open the survey; later screens keep the phone screen for questions. */}
        <header className={index === 0 ? 'survey-header' : 'survey-header survey-header--compact'}>
          <h1 className={index === 0 ? 'survey-header__title' : 'visually-hidden'}>{title}</h1>
          <p className="survey-header__unit">
            <span className="survey-header__unit-label">{t('unitLabel')}</span>
            <strong>{unitLabel}</strong>
          </p>
          {note}
        </header>

        {notice}

        {index === 0 && (
          <div className="survey-intro">
            {localize(definition.introduction, locale)
              .split(/\n\s*\n/)
              .map((p) => p.trim())
              .filter(Boolean)
              .map((p, i) => (
                <p key={i}>{p}</p>
              ))}
          </div>
        )}

        <form className="survey-form" noValidate onSubmit={submit} autoComplete={autoComplete}>
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
                        event.preventDefault(); // no history entry (never one on a kiosk)
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

          {issues}

          {screen.questions.map((question) => (
            <QuestionField
              key={question.id}
              question={question}
              value={answers[question.id]}
              error={errors.get(question.id) ?? null}
              onChange={(value) => setAnswer(question, value)}
            />
          ))}

          {alert}

          <div className="form-nav">
            {index > 0 && (
              <button type="button" className="button button--secondary" onClick={back}>
                <span aria-hidden="true">‹ </span>
                {t('back')}
              </button>
            )}
            <button type="submit" className="button button--primary form-nav__next" aria-disabled={busy}>
              {isLast ? t('submit') : t('next')}
              {!isLast && <span aria-hidden="true"> ›</span>}
            </button>
          </div>
          {status}
        </form>
      </div>
    );
  };

  return { answers, sectionId, screens, headingRef, focusHeading, showProblems, check, restart, render };
}

