import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { KioskConfig } from '@sipas/server/api/devices';
import type { Answers, AnswerValue, Question, SurveyDefinition } from '@sipas/survey-definitions/schema';
import { localize, unitName } from '../lib/i18n.ts';
import { useLocale, useTranslate } from '../lib/locale-context.tsx';
import { fieldId, QuestionField, questionText } from '../questionnaire/question-field.tsx';
import { questionnaireStrings } from '../questionnaire/questionnaire.strings.ts';
import { answerProblems, questionProblem, screenProblems, visibleAnswers, visibleScreens, type FieldErrorKind } from '../questionnaire/screens.ts';
import { kioskStrings } from './kiosk.strings.ts';

type PendingFocus = { to: 'heading' } | { to: 'field'; questionId: string } | null;

function focusField(questionId: string) {
  const field = document.getElementById(fieldId(questionId));
  const target =
    field?.querySelector<HTMLElement>('input:checked') ?? field?.querySelector<HTMLElement>('input, textarea, select');
  field?.scrollIntoView({ block: 'start' });
  target?.focus();
}

/**
 * The questionnaire on a kiosk: the respondent flow of /s/:unitCode (same fields, checks and screens),
 * but answers live in this component's memory only (never in localStorage) and vanish with it, and
 * submitting hands the answers to the outbox instead of the network.
 */
export function KioskForm({
  definition,
  unit,
  onSubmit,
}: {
  definition: SurveyDefinition;
  unit: KioskConfig['unit'];
  /** Resolves once the response is safely stored on the device. */
  onSubmit: (answers: Answers) => Promise<void>;
}) {
  const { locale } = useLocale();
  const t = useTranslate(questionnaireStrings);
  const tk = useTranslate(kioskStrings);
  const [answers, setAnswers] = useState<Answers>({});
  const [sectionId, setSectionId] = useState<string | null>(null);
  const [errors, setErrors] = useState<ReadonlyMap<string, FieldErrorKind>>(new Map());
  const [saving, setSaving] = useState<'idle' | 'saving' | 'failed'>('idle');
  const pendingFocus = useRef<PendingFocus>({ to: 'heading' });
  const headingRef = useRef<HTMLHeadingElement>(null);

  const screens = useMemo(() => visibleScreens(definition, answers), [definition, answers]);
  const found = screens.findIndex((s) => s.section.id === sectionId);
  const index = found === -1 ? 0 : found;
  const screen = screens[index];
  const isLast = index === screens.length - 1;

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
    if (errors.has(question.id)) {
      const problem = questionProblem(question, value);
      setErrors((prev) => {
        const next = new Map(prev);
        if (problem) next.set(question.id, problem);
        else next.delete(question.id);
        return next;
      });
    }
  };

  const goTo = (targetSectionId: string) => {
    setSectionId(targetSectionId);
    setErrors(new Map());
    pendingFocus.current = { to: 'heading' };
  };

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

  const submit = async () => {
    if (saving === 'saving' || !screen) return;
    if (!showProblems(screenProblems(definition, answers, screen))) return;
    if (!showProblems(answerProblems(definition, answers))) return;
    setSaving('saving');
    try {
      await onSubmit(visibleAnswers(definition, answers));
    } catch (error) {
      console.error('kiosk: could not store the response on the device', error);
      setSaving('failed');
    }
  };

  const onFormSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!screen) return;
    if (isLast) {
      void submit();
      return;
    }
    if (!showProblems(screenProblems(definition, answers, screen))) return;
    const following = screens[index + 1];
    if (following) goTo(following.section.id);
  };

  if (!screen) return null;
  const title = localize(definition.title, locale);
  const errorList = screen.questions.filter((q) => errors.has(q.id));

  return (
    <div className="page page--narrow questionnaire kiosk-form">
      <title>{`${localize(screen.section.title, locale)} – ${title}`}</title>
      <header className={index === 0 ? 'survey-header' : 'survey-header survey-header--compact'}>
        <h1 className={index === 0 ? 'survey-header__title' : 'visually-hidden'}>{title}</h1>
        <p className="survey-header__unit">
          <span className="survey-header__unit-label">{t('unitLabel')}</span>
          <strong>{locale === 'vi' ? unit.fullNameVi : unitName(unit, locale)}</strong>
        </p>
      </header>

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

      <form className="survey-form" noValidate onSubmit={onFormSubmit} autoComplete="off">
        <div className="progress" aria-hidden="true">
          <span className="progress__bar" style={{ width: `${((index + 1) / screens.length) * 100}%` }} />
        </div>
        <h2 ref={headingRef} tabIndex={-1} className="section-heading">
          <span className="section-heading__progress">{t('progress', { current: index + 1, total: screens.length })}</span>{' '}
          <span className="section-heading__title">{localize(screen.section.title, locale)}</span>
        </h2>
        {screen.section.description && <p className="section-description">{localize(screen.section.description, locale)}</p>}

        {errorList.length > 0 && (
          <div className="error-summary" role="alert">
            <p className="error-summary__title">{t('errorSummary', { count: errorList.length })}</p>
            <ul>
              {errorList.map((q) => (
                <li key={q.id}>
                  <a
                    href={`#${fieldId(q.id)}`}
                    onClick={(event) => {
                      event.preventDefault(); // never a history entry on a kiosk
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

        {screen.questions.map((question) => (
          <QuestionField
            key={question.id}
            question={question}
            value={answers[question.id]}
            error={errors.get(question.id) ?? null}
            onChange={(value) => setAnswer(question, value)}
          />
        ))}

        {saving === 'failed' && (
          <div className="notice notice--error" role="alert">
            <p>{tk('saveFailed')}</p>
          </div>
        )}

        <div className="form-nav">
          {index > 0 && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                const previous = screens[index - 1];
                if (previous) goTo(previous.section.id);
              }}
            >
              <span aria-hidden="true">‹ </span>
              {t('back')}
            </button>
          )}
          <button type="submit" className="button button--primary form-nav__next" aria-disabled={saving === 'saving'}>
            {isLast ? t('submit') : t('next')}
            {!isLast && <span aria-hidden="true"> ›</span>}
          </button>
        </div>
      </form>
    </div>
  );
}
