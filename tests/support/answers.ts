import type { Answers, AnswerValue, Question, SurveyDefinition } from '@sipas/survey-definitions/schema';
import { allQuestions } from '@sipas/survey-definitions/schema';
import { isQuestionVisible } from '@sipas/survey-definitions/answers';

/**
 * A complete, valid set of answers: every visible question answered, every satisfaction
 * criterion at `level` unless `overrides` says otherwise (overrides also steer show-if conditions).
 */
export function answerAll(definition: SurveyDefinition, level: 1 | 2 | 3 | 4 | 5, overrides: Answers = {}): Answers {
  const answers: Answers = {};
  for (const { question } of allQuestions(definition)) {
    if (!isQuestionVisible(definition, question.id, answers)) continue;
    const value = question.id in overrides ? overrides[question.id] : simpleAnswer(question, level);
    if (value !== undefined) answers[question.id] = value;
  }
  return answers;
}

function simpleAnswer(question: Question, level: 1 | 2 | 3 | 4 | 5): AnswerValue | undefined {
  switch (question.type) {
    case 'satisfaction5':
      return level;
    case 'scale4':
      return 3;
    case 'yesNo':
      return false;
    case 'singleChoice':
      return question.options[0]!.code;
    case 'multipleChoice':
      return [question.options[0]!.code];
    case 'text':
      return question.required ? 'Ý kiến' : undefined;
    case 'number':
      return question.min;
  }
}
