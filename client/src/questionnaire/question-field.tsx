import { useState, type ReactNode } from 'react';
import { NOT_APPLICABLE, NOT_APPLICABLE_LABEL, SATISFACTION_LEVEL_LABELS } from '@sipas/survey-definitions/constants';
import type { AnswerValue, Question } from '@sipas/survey-definitions/schema';
import { formatNumber } from '../lib/format.ts';
import { localize, type Locale } from '../lib/i18n.ts';
import { useLocale, useTranslate } from '../lib/locale-context.tsx';
import { questionnaireStrings } from './questionnaire.strings.ts';
import type { FieldErrorKind } from './screens.ts';

type FieldProps = {
  question: Question;
  value: AnswerValue | undefined;
  error: FieldErrorKind | null;
  onChange: (value: AnswerValue | undefined) => void;
};

export const fieldId = (questionId: string) => `q-${questionId}`;

type Option = { value: string; label: string; badge?: string; separate?: boolean };

function choiceOptions(question: Question, locale: Locale, t: (key: 'yes' | 'no') => string): Option[] {
  switch (question.type) {
    case 'satisfaction5': {
      const levels = SATISFACTION_LEVEL_LABELS[locale].map((label, i) => ({
        value: String(i + 1),
        label,
        badge: String(i + 1),
      }));
      return question.allowNotApplicable
        ? [...levels, { value: NOT_APPLICABLE, label: NOT_APPLICABLE_LABEL[locale], separate: true }]
        : levels;
    }
    case 'scale4':
      return question.labels.map((label, i) => ({ value: String(i + 1), label: localize(label, locale), badge: String(i + 1) }));
    case 'yesNo':
      return [
        { value: 'yes', label: t('yes') },
        { value: 'no', label: t('no') },
      ];
    case 'singleChoice':
    case 'multipleChoice':
      return question.options.map((option) => ({ value: option.code, label: localize(option.label, locale) }));
    default:
      return [];
  }
}

/** Radio values are strings; answers keep the type the definition expects. */
function toRadioValue(question: Question, value: AnswerValue | undefined): string | null {
  if (value === undefined) return null;
  if (question.type === 'yesNo') return value === true ? 'yes' : value === false ? 'no' : null;
  return String(value);
}

function fromRadioValue(question: Question, value: string): AnswerValue {
  if (question.type === 'yesNo') return value === 'yes';
  if ((question.type === 'satisfaction5' && value !== NOT_APPLICABLE) || question.type === 'scale4') return Number(value);
  return value;
}

function useErrorMessage(question: Question, error: FieldErrorKind | null): string | null {
  const t = useTranslate(questionnaireStrings);
  if (!error) return null;
  switch (error) {
    case 'required':
      return question.type === 'text' || question.type === 'number' ? t('errorRequired') : t('errorChoose');
    case 'tooMany':
      return t('errorTooMany', { max: question.type === 'multipleChoice' ? question.maxSelected : '' });
    case 'tooLong':
      return t('errorTooLong', { max: question.type === 'text' ? formatNumber(question.maxLength) : '' });
    case 'number':
      if (question.type !== 'number') return t('errorInvalid');
      return t(question.integer ? 'errorInteger' : 'errorNumber', {
        min: formatNumber(question.min),
        max: formatNumber(question.max),
      });
    case 'invalid':
      return t('errorInvalid');
  }
}

export function questionText(question: Question, locale: Locale): string {
  return localize(question.text, locale);
}

export function QuestionField(props: FieldProps) {
  const { question } = props;
  if (question.type === 'text') return <TextField {...props} />;
  if (question.type === 'number') return <NumberField {...props} />;
  return <ChoiceField {...props} />;
}

function QuestionLabel({ question }: { question: Question }) {
  const { locale } = useLocale();
  const t = useTranslate(questionnaireStrings);
  return (
    <>
      {questionText(question, locale)}
      {!question.required && <span className="question__optional"> {t('optional')}</span>}
    </>
  );
}

function Messages({ id, hint, error }: { id: string; hint: ReactNode; error: string | null }) {
  const prefix = useLocale().locale === 'en' ? 'Error:' : 'Lỗi:';
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="question__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="question__error">
          <span className="visually-hidden">{`${prefix} `}</span>
          {error}
        </p>
      )}
    </>
  );
}

function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function ChoiceField({ question, value, error, onChange }: FieldProps) {
  const { locale } = useLocale();
  const t = useTranslate(questionnaireStrings);
  const id = fieldId(question.id);
  const message = useErrorMessage(question, error);
  const options = choiceOptions(question, locale, t);
  const multiple = question.type === 'multipleChoice';

  let hint: string | null = question.help ? localize(question.help, locale) : null;
  if (question.type === 'multipleChoice') {
    // The definition's own help usually states the limit already; add ours only when it is silent.
    hint ??= question.maxSelected < question.options.length ? t('chooseUpTo', { max: question.maxSelected }) : t('chooseAny');
  }

  const selected = new Set<string>(
    multiple ? (Array.isArray(value) ? value : []) : [toRadioValue(question, value)].filter((v): v is string => v !== null),
  );

  const toggle = (optionValue: string, checked: boolean) => {
    if (!multiple) {
      onChange(fromRadioValue(question, optionValue));
      return;
    }
    const next = new Set(selected);
    if (checked) next.add(optionValue);
    else next.delete(optionValue);
    // Keep the definition's option order, whatever the click order.
    const ordered = options.map((o) => o.value).filter((v) => next.has(v));
    onChange(ordered.length > 0 ? ordered : undefined);
  };

  return (
    <fieldset
      id={id}
      className={`question question--${question.type}${error ? ' question--error' : ''}`}
      aria-describedby={describedBy(id, hint !== null, message !== null)}
    >
      <legend className="question__text">
        <QuestionLabel question={question} />
      </legend>
      <Messages id={id} hint={hint} error={message} />
      <div className="options">
        {options.map((option) => {
          const inputId = `${id}-${option.value}`;
          return (
            <div key={option.value} className={`option${option.separate ? ' option--separate' : ''}`}>
              <input
                id={inputId}
                type={multiple ? 'checkbox' : 'radio'}
                name={id}
                value={option.value}
                checked={selected.has(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <label htmlFor={inputId}>
                {option.badge && (
                  <span className="option__badge" aria-hidden="true">
                    {option.badge}
                  </span>
                )}
                <span className="option__label">{option.label}</span>
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function TextField({ question, value, error, onChange }: FieldProps) {
  const { locale } = useLocale();
  const t = useTranslate(questionnaireStrings);
  const id = fieldId(question.id);
  const inputId = `${id}-input`;
  const message = useErrorMessage(question, error);
  const text = typeof value === 'string' ? value : '';
  const max = question.type === 'text' ? question.maxLength : 0;
  const help = question.help ? localize(question.help, locale) : null;
  return (
    <div id={id} className={`question question--text${error ? ' question--error' : ''}`}>
      <label htmlFor={inputId} className="question__text">
        <QuestionLabel question={question} />
      </label>
      <Messages id={id} hint={help} error={message} />
      <textarea
        id={inputId}
        className="text-input"
        rows={4}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={[describedBy(id, help !== null, message !== null), `${id}-count`].filter(Boolean).join(' ')}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      />
      <p id={`${id}-count`} className={`question__count${text.length > max ? ' question__count--over' : ''}`}>
        {t('characters', { count: formatNumber(text.length), max: formatNumber(max) })}
      </p>
    </div>
  );
}

/** Accepts "2,5" as well as "2.5" (Vietnamese decimal comma); anything unparseable is kept as typed so it is flagged. */
function parseNumber(text: string): AnswerValue | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const normalized = trimmed.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : trimmed;
}

function NumberField({ question, value, error, onChange }: FieldProps) {
  const { locale } = useLocale();
  const t = useTranslate(questionnaireStrings);
  const id = fieldId(question.id);
  const inputId = `${id}-input`;
  const message = useErrorMessage(question, error);
  const [text, setText] = useState(() => (value === undefined ? '' : String(value).replace('.', ',')));
  if (question.type !== 'number') return null;
  const range = t('numberRange', {
    min: formatNumber(question.min),
    max: formatNumber(question.max),
  });
  const hint = question.help ? `${localize(question.help, locale)} ${range}` : range;
  return (
    <div id={id} className={`question question--number${error ? ' question--error' : ''}`}>
      <label htmlFor={inputId} className="question__text">
        <QuestionLabel question={question} />
      </label>
      <Messages id={id} hint={hint} error={message} />
      <input
        id={inputId}
        className="number-input"
        type="text"
        inputMode={question.integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, true, message !== null)}
        onChange={(event) => {
          setText(event.target.value);
          onChange(parseNumber(event.target.value));
        }}
      />
    </div>
  );
}
