// The zod-free part of the definition format: fixed labels and plain helpers. The public questionnaire
// imports values only from here (and answers.ts), so that zod stays out of its bundle; the types come from
// definition.schema.ts with `import type`, which the compiler erases.
import type { Locale, Question, SurveyDefinition } from './definition.schema.ts';

export const NOT_APPLICABLE = 'na';

/** Fixed labels of the 5 satisfaction levels (index 0 = level 1). */
export const SATISFACTION_LEVEL_LABELS = {
  vi: ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'],
  en: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
} as const satisfies Record<Locale, readonly string[]>;

export const NOT_APPLICABLE_LABEL = {
  vi: 'Không sử dụng / không áp dụng',
  en: 'Not applicable / did not use',
} as const satisfies Record<Locale, string>;

export type QuestionInSection = { sectionId: string; question: Question };

/** Every question in display order, with the id of its section. */
export function allQuestions(definition: SurveyDefinition): QuestionInSection[] {
  return definition.sections.flatMap((section) =>
    section.questions.map((question) => ({ sectionId: section.id, question })),
  );
}
