// Pure questionnaire logic: which sections are shown, which answers are sent, what to tell the respondent.
import { checkAnswers, checkAnswerValue, isAnswered, visibleQuestions } from '@sipas/survey-definitions/answers';
import type { Answers, Question, Section, SurveyDefinition } from '@sipas/survey-definitions/schema';

/** One section per screen; a section with no visible question is skipped. */
export type Screen = { section: Section; questions: Question[] };

export function visibleScreens(definition: SurveyDefinition, answers: Answers): Screen[] {
  const bySection = new Map<string, Question[]>();
  for (const { sectionId, question } of visibleQuestions(definition, answers)) {
    const list = bySection.get(sectionId);
    if (list) list.push(question);
    else bySection.set(sectionId, [question]);
  }
  return definition.sections.flatMap((section) => {
    const questions = bySection.get(section.id);
    return questions ? [{ section, questions }] : [];
  });
}

/**
 * The answers to send: answered, visible questions only. Answers to questions hidden by a later change
 * stay in the form (they come back if the respondent changes their mind) but are never submitted.
 */
export function visibleAnswers(definition: SurveyDefinition, answers: Answers): Answers {
  const out: Answers = {};
  for (const { question } of visibleQuestions(definition, answers)) {
    const value = answers[question.id];
    if (value !== undefined && isAnswered(value)) out[question.id] = value;
  }
  return out;
}

export type FieldErrorKind = 'required' | 'tooMany' | 'tooLong' | 'number' | 'invalid';

/** Why an answer fails, decided from the question and the value (not from checkAnswers' English wording). */
export function classifyProblem(question: Question, value: unknown): FieldErrorKind {
  if (!isAnswered(value)) return 'required';
  if (question.type === 'multipleChoice' && Array.isArray(value) && value.length > question.maxSelected) return 'tooMany';
  if (question.type === 'text') return 'tooLong';
  if (question.type === 'number') return 'number';
  return 'invalid';
}

/**
 * Problems of the whole response, with the semantics of checkAnswers (the server runs the same check):
 * question id -> kind, in question order.
 */
export function answerProblems(definition: SurveyDefinition, answers: Answers): Map<string, FieldErrorKind> {
  const problems = new Map<string, FieldErrorKind>();
  const result = checkAnswers(definition, visibleAnswers(definition, answers));
  if (result.ok) return problems;
  const failing = new Set(result.issues.map((issue) => issue.path.replace(/^answers\./, '')));
  for (const { question } of visibleQuestions(definition, answers)) {
    if (failing.has(question.id)) problems.set(question.id, classifyProblem(question, answers[question.id]));
  }
  return problems;
}

/** Problems limited to one screen's questions. */
export function screenProblems(
  definition: SurveyDefinition,
  answers: Answers,
  screen: Screen,
): Map<string, FieldErrorKind> {
  const ids = new Set(screen.questions.map((q) => q.id));
  return new Map([...answerProblems(definition, answers)].filter(([id]) => ids.has(id)));
}

/** Re-checks one question after an edit, so that a fixed error disappears at once. */
export function questionProblem(question: Question, value: unknown): FieldErrorKind | null {
  if (!isAnswered(value)) return question.required ? 'required' : null;
  return checkAnswerValue(question, value).length > 0 ? classifyProblem(question, value) : null;
}
