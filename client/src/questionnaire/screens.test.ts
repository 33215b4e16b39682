import { describe, expect, it } from 'vitest';
import { SurveyDefinition, type Answers } from '@sipas/survey-definitions/schema';
import { answerProblems, questionProblem, screenProblems, visibleAnswers, visibleScreens } from './screens.ts';

const text = (vi: string) => ({ vi });

// A small definition with every question type and both kinds of condition (question and section).
const definition = SurveyDefinition.parse({
  key: 'test-survey',
  version: 1,
  status: 'published',
  locales: ['vi'],
  title: text('Phiếu thử'),
  introduction: text('Giới thiệu'),
  thankYou: text('Cảm ơn'),
  sections: [
    {
      id: 'channel',
      title: text('Kênh'),
      questions: [
        { id: 'used_online', type: 'yesNo', text: text('Nộp trực tuyến?') },
        { id: 'online_rating', type: 'satisfaction5', text: text('Hài lòng?'), allowNotApplicable: true, showIf: { question: 'used_online', equals: true } },
      ],
    },
    {
      id: 'counter',
      title: text('Tại quầy'),
      showIf: { question: 'used_online', equals: false },
      questions: [{ id: 'wait', type: 'scale4', text: text('Chờ lâu?'), labels: [text('1'), text('2'), text('3'), text('4')] }],
    },
    {
      id: 'about',
      title: text('Thông tin'),
      questions: [
        { id: 'age', type: 'number', text: text('Tuổi'), min: 18, max: 100, integer: true },
        { id: 'gender', type: 'singleChoice', text: text('Giới tính'), options: [{ code: 'male', label: text('Nam') }, { code: 'female', label: text('Nữ') }] },
        { id: 'topics', type: 'multipleChoice', text: text('Chủ đề'), maxSelected: 2, required: false, options: [{ code: 'a', label: text('A') }, { code: 'b', label: text('B') }, { code: 'c', label: text('C') }] },
        { id: 'comment', type: 'text', text: text('Góp ý'), maxLength: 10, required: false },
      ],
    },
  ],
  scoring: {
    satisfiedLevels: [4, 5],
    components: [{ id: 'c', label: text('C'), criteria: ['online_rating'] }],
    overallMethod: 'mean-of-components',
    minSampleToRank: 30,
    provenance: { source: 'test' },
  },
});

const sectionIds = (answers: Answers) => visibleScreens(definition, answers).map((s) => s.section.id);
const questionIds = (answers: Answers) =>
  visibleScreens(definition, answers).map((s) => s.questions.map((q) => q.id).join(','));

describe('visibleScreens', () => {
  it.each<[string, Answers, string[], string[]]>([
    ['nothing answered: conditional question and section hidden', {}, ['channel', 'about'], ['used_online', 'age,gender,topics,comment']],
    ['online: rating shown, counter hidden', { used_online: true }, ['channel', 'about'], ['used_online,online_rating', 'age,gender,topics,comment']],
    ['at the counter: counter section shown', { used_online: false }, ['channel', 'counter', 'about'], ['used_online', 'wait', 'age,gender,topics,comment']],
  ])('%s', (_label, answers, sections, questions) => {
    expect(sectionIds(answers)).toEqual(sections);
    expect(questionIds(answers)).toEqual(questions);
  });
});

describe('visibleAnswers', () => {
  it.each<[string, Answers, Answers]>([
    ['drops answers hidden by a changed condition', { used_online: false, online_rating: 5, wait: 2 }, { used_online: false, wait: 2 }],
    ['drops blank text and empty choices', { used_online: true, comment: '  ', topics: [] }, { used_online: true }],
    ['drops unknown ids', { used_online: true, old_question: 3 }, { used_online: true }],
    ['keeps "na"', { used_online: true, online_rating: 'na' }, { used_online: true, online_rating: 'na' }],
  ])('%s', (_label, answers, expected) => {
    expect(visibleAnswers(definition, answers)).toEqual(expected);
  });
});

describe('answerProblems / screenProblems', () => {
  const complete: Answers = { used_online: true, online_rating: 4, age: 40, gender: 'female' };

  it.each<[string, Answers, Record<string, string>]>([
    ['complete response', complete, {}],
    ['required questions missing', { used_online: true }, { online_rating: 'required', age: 'required', gender: 'required' }],
    ['age out of range', { ...complete, age: 17 }, { age: 'number' }],
    ['age not an integer', { ...complete, age: 40.5 }, { age: 'number' }],
    ['age typed as text', { ...complete, age: 'abc' }, { age: 'number' }],
    ['too many topics', { ...complete, topics: ['a', 'b', 'c'] }, { topics: 'tooMany' }],
    ['comment too long', { ...complete, comment: '12345678901' }, { comment: 'tooLong' }],
    ['hidden answer is not an error', { ...complete, used_online: false, wait: 3 }, {}],
  ])('%s', (_label, answers, expected) => {
    expect(Object.fromEntries(answerProblems(definition, answers))).toEqual(expected);
  });

  it('limits problems to the screen', () => {
    const screens = visibleScreens(definition, { used_online: true });
    const [first, last] = [screens[0]!, screens[screens.length - 1]!];
    expect(Object.fromEntries(screenProblems(definition, { used_online: true }, first))).toEqual({ online_rating: 'required' });
    expect([...screenProblems(definition, { used_online: true }, last).keys()]).toEqual(['age', 'gender']);
  });
});

describe('questionProblem', () => {
  const question = (id: string) => definition.sections.flatMap((s) => s.questions).find((q) => q.id === id)!;
  it.each<[string, unknown, string | null]>([
    ['age', undefined, 'required'],
    ['age', 30, null],
    ['age', 101, 'number'],
    ['comment', undefined, null],
    ['comment', 'ok', null],
    ['comment', 'x'.repeat(11), 'tooLong'],
    ['topics', ['a', 'b'], null],
    ['topics', ['a', 'b', 'c'], 'tooMany'],
    ['gender', 'other', 'invalid'],
    ['online_rating', 'na', null],
  ])('%s = %j -> %s', (id, value, expected) => {
    expect(questionProblem(question(id), value)).toBe(expected);
  });
});
