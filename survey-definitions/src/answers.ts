// Checking a respondent's answers against a definition, and the show-if logic the client renders.
// Pure and zod-free (the public questionnaire bundles it): values come from the constants module only.
import { allQuestions, NOT_APPLICABLE, type QuestionInSection } from './definition.constants.ts';
import type { Answers, AnswerValue, Condition, Question, SurveyDefinition } from './definition.schema.ts';

export type AnswerIssue = { path: string; message: string };
export type CheckAnswersResult = { ok: true; answers: Answers } | { ok: false; issues: AnswerIssue[] };

/** Absent, an empty (or blank) string and an empty array all mean "not answered", for every type. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

const isIntegerFrom = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Problems with one answered value for one question (empty array = the value fits). */
export function checkAnswerValue(question: Question, value: unknown): string[] {
  switch (question.type) {
    case 'satisfaction5':
      if (value === NOT_APPLICABLE) {
        return question.allowNotApplicable ? [] : ['"na" (not applicable) is not allowed for this question'];
      }
      if (isIntegerFrom(value, 1, 5)) return [];
      return [`must be an integer from 1 to 5${question.allowNotApplicable ? ' or "na"' : ''}`];
    case 'scale4':
      return isIntegerFrom(value, 1, 4) ? [] : ['must be an integer from 1 to 4'];
    case 'yesNo':
      return typeof value === 'boolean' ? [] : ['must be true or false'];
    case 'singleChoice': {
      if (typeof value !== 'string') return ['must be an option code (a string)'];
      const known = question.options.some((o) => o.code === value);
      return known ? [] : [`unknown option code "${value}"`];
    }
    case 'multipleChoice': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
        return ['must be an array of option codes'];
      }
      const codes = new Set(question.options.map((o) => o.code));
      const seen = new Set<string>();
      const problems: string[] = [];
      for (const code of value) {
        if (!codes.has(code)) problems.push(`unknown option code "${code}"`);
        else if (seen.has(code)) problems.push(`duplicate option code "${code}"`);
        seen.add(code);
      }
      if (value.length > question.maxSelected) {
        problems.push(`must select at most ${plural(question.maxSelected, 'option')}`);
      }
      return problems;
    }
    case 'text': {
      if (typeof value !== 'string') return ['must be a string'];
      const length = normalizeText(value).length;
      if (length <= question.maxLength) return [];
      return [`must be at most ${plural(question.maxLength, 'character')} (got ${length})`];
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return ['must be a number'];
      const problems: string[] = [];
      if (question.integer && !Number.isInteger(value)) problems.push('must be an integer');
      if (value < question.min || value > question.max) {
        problems.push(`must be from ${question.min} to ${question.max}`);
      }
      return problems;
    }
  }
}

// NFC because some Vietnamese keyboards type combining diacritics; stored text should compare equal.
const normalizeText = (value: string) => value.normalize('NFC').trim();

/** Why a question is hidden: the question that its own (or its section's) condition looks at. */
type Visibility = Map<string, { hiddenBy: string } | null>;

function conditionHolds(condition: Condition, value: AnswerValue | undefined): boolean {
  if (!isAnswered(value) || value === undefined) return false;
  const accepted: unknown[] = 'equals' in condition ? [condition.equals] : condition.oneOf;
  // A multipleChoice answer matches when any selected code is accepted.
  return Array.isArray(value) ? value.some((v) => accepted.includes(v)) : accepted.includes(value);
}

/**
 * Walks questions in order: a condition holds only if its question is earlier, visible and answered
 * with a matching value. So a forward, unknown or hidden reference always hides. `then` hears each
 * question's visibility as soon as it is decided, before the next question's conditions read `answerOf`.
 */
function resolveVisibility(
  definition: SurveyDefinition,
  answerOf: (id: string) => AnswerValue | undefined,
  then?: (question: Question, hiddenBy: string | undefined) => void,
): Visibility {
  const visibility: Visibility = new Map();
  const holds = (condition: Condition) =>
    visibility.get(condition.question) === null && conditionHolds(condition, answerOf(condition.question));

  for (const section of definition.sections) {
    const sectionHiddenBy = section.showIf && !holds(section.showIf) ? section.showIf.question : undefined;
    for (const question of section.questions) {
      const hiddenBy =
        sectionHiddenBy ?? (question.showIf && !holds(question.showIf) ? question.showIf.question : undefined);
      visibility.set(question.id, hiddenBy === undefined ? null : { hiddenBy });
      then?.(question, hiddenBy);
    }
  }
  return visibility;
}

const answerIn = (answers: Answers) => (id: string) => (Object.hasOwn(answers, id) ? answers[id] : undefined);

export function isQuestionVisible(definition: SurveyDefinition, questionId: string, answers: Answers): boolean {
  return resolveVisibility(definition, answerIn(answers)).get(questionId) === null;
}

export function visibleQuestions(definition: SurveyDefinition, answers: Answers): QuestionInSection[] {
  const visibility = resolveVisibility(definition, answerIn(answers));
  return allQuestions(definition).filter(({ question }) => visibility.get(question.id) === null);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a submission and reports every problem at once. On success returns the answers to store:
 * only answered, visible questions, text trimmed and NFC-normalised.
 */
export function checkAnswers(definition: SurveyDefinition, input: unknown): CheckAnswersResult {
  if (!isRecord(input)) {
    return { ok: false, issues: [{ path: 'answers', message: 'must be an object keyed by question id' }] };
  }
  const issues: AnswerIssue[] = [];
  const answers: Answers = {};
  // One walk: each question's visibility is decided from the answers accepted so far (valid and visible:
  // an invalid answer is no answer), then its own answer is checked and accepted or reported.
  const visibility = resolveVisibility(definition, answerIn(answers), (question, hiddenBy) => {
    const value = Object.hasOwn(input, question.id) ? input[question.id] : undefined;
    const path = `answers.${question.id}`;
    if (!isAnswered(value)) {
      if (hiddenBy === undefined && question.required) issues.push({ path, message: 'required' });
    } else if (hiddenBy !== undefined) {
      issues.push({ path, message: `question is hidden by its condition (${hiddenBy})` });
    } else {
      const problems = checkAnswerValue(question, value);
      for (const message of problems) issues.push({ path, message });
      if (problems.length === 0) answers[question.id] = typeof value === 'string' ? normalizeText(value) : (value as AnswerValue);
    }
  });

  // The visibility map holds every question id of the definition.
  for (const id of Object.keys(input)) {
    if (!visibility.has(id)) issues.push({ path: `answers.${id}`, message: 'unknown question' });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers };
}
