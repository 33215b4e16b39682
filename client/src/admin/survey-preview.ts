// Pure helpers for the survey preview: what a respondent sees for each question, and conditions in words.
import { NOT_APPLICABLE, NOT_APPLICABLE_LABEL, SATISFACTION_LEVEL_LABELS } from '@sipas/survey-definitions/constants';
import type { Condition, Question, Scalar, SurveyDefinition } from '@sipas/survey-definitions/schema';
import { formatNumber } from '../lib/format.ts';
import { localize, type Locale } from '../lib/i18n.ts';

/** The questionnaire's own words for yes/no (questionnaire.strings.ts; admin/ does not import questionnaire/). */
const YES_NO: Record<Locale, readonly [string, string]> = { vi: ['Có', 'Không'], en: ['Yes', 'No'] };

/** One answer a respondent can pick: `value` as stored (stringified), `level` for numbered scales. */
export type Choice = { value: string; label: string; level?: number };

/** The answers offered for a question, in display order and in `locale`; empty for text and number questions. */
export function answerChoices(question: Question, locale: Locale): Choice[] {
  switch (question.type) {
    case 'satisfaction5': {
      const levels = SATISFACTION_LEVEL_LABELS[locale].map((label, i) => ({ value: String(i + 1), label, level: i + 1 }));
      return question.allowNotApplicable ? [...levels, { value: NOT_APPLICABLE, label: NOT_APPLICABLE_LABEL[locale] }] : levels;
    }
    case 'scale4':
      return question.labels.map((label, i) => ({ value: String(i + 1), label: localize(label, locale), level: i + 1 }));
    case 'yesNo':
      return [
        { value: 'true', label: YES_NO[locale][0] },
        { value: 'false', label: YES_NO[locale][1] },
      ];
    case 'singleChoice':
    case 'multipleChoice':
      return question.options.map((option) => ({ value: option.code, label: localize(option.label, locale) }));
    case 'text':
    case 'number':
      return [];
  }
}

/** A stored value as the respondent read it ("Có", "4 – Hài lòng", an option's label); else the value itself. */
export function valueLabel(question: Question | undefined, value: Scalar, locale: Locale): string {
  const choice = question ? answerChoices(question, locale).find((c) => c.value === String(value)) : undefined;
  if (choice) return choice.level === undefined ? choice.label : `${choice.level} – ${choice.label}`;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return YES_NO[locale][value ? 0 : 1];
  return value;
}

export type ConditionInWords = { questionId: string; operator: 'equals' | 'oneOf'; values: string[] };

/** A show-if condition with its values as the respondent read them, e.g. feedback_given = "Có". */
export function describeCondition(condition: Condition, definition: SurveyDefinition, locale: Locale): ConditionInWords {
  const question = definition.sections.flatMap((s) => s.questions).find((q) => q.id === condition.question);
  const values = 'equals' in condition ? [condition.equals] : condition.oneOf;
  return {
    questionId: condition.question,
    operator: 'equals' in condition ? 'equals' : 'oneOf',
    values: values.map((value) => valueLabel(question, value, locale)),
  };
}
