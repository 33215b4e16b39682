// The survey-definition format. Imports only zod (and the zod-free constants): the admin and the server use it.
// Objects are strict so that a typo in a hand-written JSON file ("showif") fails loudly;
// the format grows by adding optional fields and new question types.
import { z } from 'zod';
import { NOT_APPLICABLE } from './definition.constants.ts';

// Re-exported so that existing imports keep working; code that must stay zod-free imports ./definition.constants.ts.
export {
  allQuestions,
  NOT_APPLICABLE,
  NOT_APPLICABLE_LABEL,
  SATISFACTION_LEVEL_LABELS,
  type QuestionInSection,
} from './definition.constants.ts';

export const Locale = z.enum(['vi', 'en']);
export type Locale = z.infer<typeof Locale>;

const VI_REQUIRED = 'Vietnamese text (vi) is required';

export const LocalizedText = z.strictObject({
  vi: z.string({ error: VI_REQUIRED }).refine((s) => s.trim() !== '', VI_REQUIRED),
  en: z.string().optional(),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Question, section and component ids: snake_case, stable once published (answers are stored under them). */
export const Identifier = z.string().regex(SNAKE_CASE, 'must be snake_case (e.g. access_seats)');

/** Option codes are stored as answers, so they are plain ASCII; may start with a digit ("18_24"). */
export const OptionCode = z
  .string()
  .regex(/^[a-z0-9]+([_-][a-z0-9]+)*$/, 'must be lowercase letters and digits joined by "_" or "-"');

export const Scalar = z.union([z.string(), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof Scalar>;

// `question` is any string here: checkDefinition reports unknown or forward references by name.
export const Condition = z.union(
  [
    z.strictObject({ question: z.string().min(1), equals: Scalar }),
    z.strictObject({ question: z.string().min(1), oneOf: z.array(Scalar).min(1) }),
  ],
  { error: 'must be {"question": id, "equals": value} or {"question": id, "oneOf": [values]}' },
);
export type Condition = z.infer<typeof Condition>;

const questionBase = {
  id: Identifier,
  text: LocalizedText,
  help: LocalizedText.optional(),
  required: z.boolean().default(true),
  showIf: Condition.optional(),
};

export const ChoiceOption = z.strictObject({ code: OptionCode, label: LocalizedText });
export type ChoiceOption = z.infer<typeof ChoiceOption>;

export const Satisfaction5Question = z.strictObject({
  type: z.literal('satisfaction5'),
  ...questionBase,
  allowNotApplicable: z.boolean().default(false),
});
export type Satisfaction5Question = z.infer<typeof Satisfaction5Question>;

export const Scale4Question = z.strictObject({
  type: z.literal('scale4'),
  ...questionBase,
  labels: z.array(LocalizedText).length(4),
});
export type Scale4Question = z.infer<typeof Scale4Question>;

export const YesNoQuestion = z.strictObject({ type: z.literal('yesNo'), ...questionBase });
export type YesNoQuestion = z.infer<typeof YesNoQuestion>;

export const SingleChoiceQuestion = z.strictObject({
  type: z.literal('singleChoice'),
  ...questionBase,
  options: z.array(ChoiceOption).min(2),
});
export type SingleChoiceQuestion = z.infer<typeof SingleChoiceQuestion>;

export const MultipleChoiceQuestion = z.strictObject({
  type: z.literal('multipleChoice'),
  ...questionBase,
  options: z.array(ChoiceOption).min(2),
  maxSelected: z.number().int().min(1),
});
export type MultipleChoiceQuestion = z.infer<typeof MultipleChoiceQuestion>;

export const TextQuestion = z.strictObject({
  type: z.literal('text'),
  ...questionBase,
  maxLength: z.number().int().min(1),
});
export type TextQuestion = z.infer<typeof TextQuestion>;

export const NumberQuestion = z.strictObject({
  type: z.literal('number'),
  ...questionBase,
  min: z.number(),
  max: z.number(),
  integer: z.boolean().default(false),
});
export type NumberQuestion = z.infer<typeof NumberQuestion>;

const questionTypes = [
  Satisfaction5Question,
  Scale4Question,
  YesNoQuestion,
  SingleChoiceQuestion,
  MultipleChoiceQuestion,
  TextQuestion,
  NumberQuestion,
] as const;

export const Question = z.discriminatedUnion('type', questionTypes, {
  error: (issue) =>
    issue.code === 'invalid_union'
      ? `must have a known type: ${questionTypes.map((q) => q.shape.type.value).join(', ')}`
      : undefined,
});
export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];

export const Section = z.strictObject({
  id: Identifier,
  title: LocalizedText,
  description: LocalizedText.optional(),
  showIf: Condition.optional(),
  questions: z.array(Question).min(1),
});
export type Section = z.infer<typeof Section>;

export const SatisfactionLevel = z.number().int().min(1).max(5);

export const OverallMethod = z.enum(['mean-of-components', 'pooled-items', 'respondent-level']);
export type OverallMethod = z.infer<typeof OverallMethod>;

export const ScoringComponent = z.strictObject({
  id: Identifier,
  label: LocalizedText,
  criteria: z.array(z.string().min(1)).min(1),
});
export type ScoringComponent = z.infer<typeof ScoringComponent>;

/** Where the instrument comes from and which of its choices no official text confirms. */
export const Provenance = z.strictObject({
  source: z.string().regex(/\S/, 'must not be empty'),
  notes: LocalizedText.optional(),
  unconfirmed: z.array(z.string().min(1)).optional(),
});
export type Provenance = z.infer<typeof Provenance>;

export const Scoring = z.strictObject({
  satisfiedLevels: z.array(SatisfactionLevel).min(1),
  components: z.array(ScoringComponent).min(1),
  overallMethod: OverallMethod,
  minSampleToRank: z.number().int().min(1),
  provenance: Provenance,
});
export type Scoring = z.infer<typeof Scoring>;

export const DefinitionStatus = z.enum(['draft', 'published', 'retired']);
export type DefinitionStatus = z.infer<typeof DefinitionStatus>;

export const SurveyDefinition = z.strictObject({
  key: z.string().regex(KEBAB_CASE, 'must be kebab-case (e.g. sipas-2017)'),
  version: z.number().int().min(1),
  status: DefinitionStatus,
  locales: z
    .array(Locale)
    .refine((l) => l.includes('vi'), 'must include "vi"')
    .refine((l) => new Set(l).size === l.length, 'must not repeat a locale'),
  title: LocalizedText,
  introduction: LocalizedText,
  thankYou: LocalizedText,
  sections: z.array(Section).min(1),
  scoring: Scoring,
});
export type SurveyDefinition = z.infer<typeof SurveyDefinition>;

// Answer shapes, one per question type. The precise checks (range, option codes, length)
// depend on the question and live in answers.ts.
export const Satisfaction5Answer = z.union([z.number().int().min(1).max(5), z.literal(NOT_APPLICABLE)]);
export const Scale4Answer = z.number().int().min(1).max(4);
export const YesNoAnswer = z.boolean();
export const SingleChoiceAnswer = z.string();
export const MultipleChoiceAnswer = z.array(z.string());
export const TextAnswer = z.string();
export const NumberAnswer = z.number();

export const AnswerValue = z.union([
  Satisfaction5Answer,
  Scale4Answer,
  YesNoAnswer,
  SingleChoiceAnswer,
  MultipleChoiceAnswer,
  TextAnswer,
  NumberAnswer,
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

export const Answers = z.record(z.string(), AnswerValue);
export type Answers = z.infer<typeof Answers>;
