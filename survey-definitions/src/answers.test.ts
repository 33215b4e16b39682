import { describe, expect, it } from 'vitest';
import { checkAnswers, checkAnswerValue, isQuestionVisible, visibleQuestions } from './answers.ts';
import { SurveyDefinition, type Answers } from './definition.schema.ts';

const t = (vi: string) => ({ vi, en: vi });
const options = (...codes: string[]) => codes.map((code) => ({ code, label: t(code) }));

// One question of every type, a question-level and a section-level condition, and a chain
// (online_problem depends on online_ease, which depends on its section's condition on channel).
const definition = SurveyDefinition.parse({
  key: 'answers-fixture',
  version: 1,
  status: 'draft',
  locales: ['vi'],
  title: t('Thử'),
  introduction: t('Thử'),
  thankYou: t('Cảm ơn'),
  sections: [
    {
      id: 'main',
      title: t('Chính'),
      questions: [
        { id: 'visited', type: 'yesNo', text: t('Đã đến?') },
        { id: 'seats', type: 'satisfaction5', allowNotApplicable: true, text: t('Chỗ ngồi') },
        { id: 'speed', type: 'satisfaction5', required: false, text: t('Tốc độ') },
        { id: 'channel_fit', type: 'scale4', required: false, text: t('Phù hợp'), labels: [t('1'), t('2'), t('3'), t('4')] },
        { id: 'channel', type: 'singleChoice', text: t('Kênh'), options: options('counter', 'online', 'post') },
        { id: 'topics', type: 'multipleChoice', required: false, maxSelected: 2, text: t('Chủ đề'), options: options('a', 'b', 'c', 'd') },
        { id: 'topic_a_note', type: 'text', required: false, maxLength: 20, text: t('Ghi chú A'), showIf: { question: 'topics', equals: 'a' } },
        { id: 'age', type: 'number', required: false, min: 18, max: 99, integer: true, text: t('Tuổi') },
        { id: 'comment', type: 'text', required: false, maxLength: 10, text: t('Ý kiến') },
        { id: 'feedback_given', type: 'yesNo', text: t('Có góp ý?') },
        { id: 'feedback_outcome', type: 'singleChoice', text: t('Kết quả'), options: options('resolved', 'unresolved'), showIf: { question: 'feedback_given', equals: true } },
      ],
    },
    {
      id: 'online',
      title: t('Trực tuyến'),
      showIf: { question: 'channel', oneOf: ['online', 'post'] },
      questions: [
        { id: 'online_ease', type: 'satisfaction5', text: t('Dễ dùng') },
      ],
    },
    {
      // No section condition: online_problem is hidden only through online_ease.
      id: 'closing',
      title: t('Kết thúc'),
      questions: [
        { id: 'online_problem', type: 'text', required: false, maxLength: 50, text: t('Vấn đề'), showIf: { question: 'online_ease', oneOf: [1, 2] } },
      ],
    },
  ],
  scoring: {
    satisfiedLevels: [4, 5],
    components: [{ id: 'all', label: t('Tất cả'), criteria: ['seats', 'speed', 'online_ease'] }],
    overallMethod: 'mean-of-components',
    minSampleToRank: 30,
    provenance: { source: 'test fixture' },
  },
});

// The smallest complete submission: the four required, unconditional questions.
const minimal = { visited: true, seats: 4, channel: 'counter', feedback_given: false };

describe('checkAnswers accepts', () => {
  it.each<[string, Record<string, unknown>, Answers]>([
    ['the required questions only', minimal, minimal],
    ['"na" where allowed', { ...minimal, seats: 'na' }, { ...minimal, seats: 'na' }],
    ['boundary values', { ...minimal, seats: 1, speed: 5, channel_fit: 1, age: 99 }, { ...minimal, seats: 1, speed: 5, channel_fit: 1, age: 99 }],
    [
      'every type, with both conditions shown',
      {
        ...minimal, speed: 5, channel_fit: 4, channel: 'online', topics: ['a', 'c'], topic_a_note: 'ghi chú', age: 30,
        comment: 'tốt', feedback_given: true, feedback_outcome: 'resolved', online_ease: 2, online_problem: 'chậm',
      },
      {
        ...minimal, speed: 5, channel_fit: 4, channel: 'online', topics: ['a', 'c'], topic_a_note: 'ghi chú', age: 30,
        comment: 'tốt', feedback_given: true, feedback_outcome: 'resolved', online_ease: 2, online_problem: 'chậm',
      },
    ],
    // Blank text and an empty selection count as not answered, so they are dropped.
    ['blank text and empty selection on optional questions', { ...minimal, comment: '   ', topics: [] }, minimal],
    ['blank answer to a hidden question', { ...minimal, feedback_outcome: '' }, minimal],
    ['text is trimmed', { ...minimal, comment: '  hay  ' }, { ...minimal, comment: 'hay' }],
    // "Hoà" typed with a combining grave accent (5 code units) is stored precomposed (4).
    ['text is NFC-normalised', { ...minimal, comment: 'Hoa\u0300' }, { ...minimal, comment: 'Ho\u00e0' }],
    ['text of exactly maxLength', { ...minimal, comment: '0123456789' }, { ...minimal, comment: '0123456789' }],
  ])('%s', (_name, input, expected) => {
    expect(checkAnswers(definition, input)).toEqual({ ok: true, answers: expected });
  });
});

describe('checkAnswers rejects', () => {
  it.each<[string, unknown, Array<{ path: string; message: string }>]>([
    ['null', null, [{ path: 'answers', message: 'must be an object keyed by question id' }]],
    ['an array', [minimal], [{ path: 'answers', message: 'must be an object keyed by question id' }]],
    ['a string', 'answers', [{ path: 'answers', message: 'must be an object keyed by question id' }]],
    ['an unknown question', { ...minimal, extra: 1 }, [{ path: 'answers.extra', message: 'unknown question' }]],
    ['a prototype key', { ...minimal, constructor: 1 }, [{ path: 'answers.constructor', message: 'unknown question' }]],
    ['a missing required answer', { ...minimal, seats: undefined }, [{ path: 'answers.seats', message: 'required' }]],
    ['a blank required answer', { ...minimal, channel: ' ' }, [{ path: 'answers.channel', message: 'required' }]],
    ['satisfaction5 above 5', { ...minimal, seats: 6 }, [{ path: 'answers.seats', message: 'must be an integer from 1 to 5 or "na"' }]],
    ['satisfaction5 not an integer', { ...minimal, seats: 4.5 }, [{ path: 'answers.seats', message: 'must be an integer from 1 to 5 or "na"' }]],
    ['satisfaction5 as a string', { ...minimal, seats: '4' }, [{ path: 'answers.seats', message: 'must be an integer from 1 to 5 or "na"' }]],
    ['satisfaction5 of 0 without "na"', { ...minimal, speed: 0 }, [{ path: 'answers.speed', message: 'must be an integer from 1 to 5' }]],
    ['"na" where not allowed', { ...minimal, speed: 'na' }, [{ path: 'answers.speed', message: '"na" (not applicable) is not allowed for this question' }]],
    ['scale4 above 4', { ...minimal, channel_fit: 5 }, [{ path: 'answers.channel_fit', message: 'must be an integer from 1 to 4' }]],
    ['yesNo as a string', { ...minimal, visited: 'yes' }, [{ path: 'answers.visited', message: 'must be true or false' }]],
    ['yesNo as 1', { ...minimal, visited: 1 }, [{ path: 'answers.visited', message: 'must be true or false' }]],
    ['null as an answer', { ...minimal, visited: null }, [{ path: 'answers.visited', message: 'must be true or false' }]],
    ['an unknown option code', { ...minimal, channel: 'kiosk' }, [{ path: 'answers.channel', message: 'unknown option code "kiosk"' }]],
    ['singleChoice as a number', { ...minimal, channel: 1 }, [{ path: 'answers.channel', message: 'must be an option code (a string)' }]],
    ['multipleChoice not an array', { ...minimal, topics: 'a' }, [{ path: 'answers.topics', message: 'must be an array of option codes' }]],
    ['multipleChoice with a number', { ...minimal, topics: ['a', 1] }, [{ path: 'answers.topics', message: 'must be an array of option codes' }]],
    ['multipleChoice unknown code', { ...minimal, topics: ['b', 'z'] }, [{ path: 'answers.topics', message: 'unknown option code "z"' }]],
    ['multipleChoice duplicate', { ...minimal, topics: ['b', 'b'] }, [{ path: 'answers.topics', message: 'duplicate option code "b"' }]],
    ['multipleChoice too many', { ...minimal, topics: ['b', 'c', 'd'] }, [{ path: 'answers.topics', message: 'must select at most 2 options' }]],
    ['text too long', { ...minimal, comment: '01234567890' }, [{ path: 'answers.comment', message: 'must be at most 10 characters (got 11)' }]],
    ['text not a string', { ...minimal, comment: 42 }, [{ path: 'answers.comment', message: 'must be a string' }]],
    ['number as a string', { ...minimal, age: '30' }, [{ path: 'answers.age', message: 'must be a number' }]],
    ['number not an integer', { ...minimal, age: 30.5 }, [{ path: 'answers.age', message: 'must be an integer' }]],
    ['number out of range', { ...minimal, age: 17 }, [{ path: 'answers.age', message: 'must be from 18 to 99' }]],
    ['number both fractional and out of range', { ...minimal, age: 17.5 }, [
      { path: 'answers.age', message: 'must be an integer' },
      { path: 'answers.age', message: 'must be from 18 to 99' },
    ]],
    ['an answer hidden by a question condition', { ...minimal, feedback_outcome: 'resolved' }, [
      { path: 'answers.feedback_outcome', message: 'question is hidden by its condition (feedback_given)' },
    ]],
    ['an answer hidden by a section condition', { ...minimal, online_ease: 4 }, [
      { path: 'answers.online_ease', message: 'question is hidden by its condition (channel)' },
    ]],
    ['an answer hidden by a multipleChoice condition', { ...minimal, topics: ['b'], topic_a_note: 'x' }, [
      { path: 'answers.topic_a_note', message: 'question is hidden by its condition (topics)' },
    ]],
    // online_problem depends on online_ease, which is itself hidden: a stale answer must not show it.
    ['an answer hidden through a hidden question', { ...minimal, online_ease: 1, online_problem: 'x' }, [
      { path: 'answers.online_ease', message: 'question is hidden by its condition (channel)' },
      { path: 'answers.online_problem', message: 'question is hidden by its condition (online_ease)' },
    ]],
    ['an invalid answer does not satisfy a condition', { ...minimal, feedback_given: 'yes', feedback_outcome: 'resolved' }, [
      { path: 'answers.feedback_given', message: 'must be true or false' },
      { path: 'answers.feedback_outcome', message: 'question is hidden by its condition (feedback_given)' },
    ]],
    ['a required question shown by its condition', { ...minimal, feedback_given: true }, [
      { path: 'answers.feedback_outcome', message: 'required' },
    ]],
    ['a required question shown by its section', { ...minimal, channel: 'post' }, [
      { path: 'answers.online_ease', message: 'required' },
    ]],
  ])('%s', (_name, input, issues) => {
    expect(checkAnswers(definition, input)).toEqual({ ok: false, issues });
  });

  it('reports every problem at once, in question order, unknown ids last', () => {
    const input = {
      zzz: true,
      visited: 'no',
      speed: 'na',
      topics: ['a', 'a', 'q'],
      age: 200,
      comment: 'far too long text',
      feedback_given: false,
      feedback_outcome: 'resolved',
      online_ease: 3,
    };
    expect(checkAnswers(definition, input)).toEqual({
      ok: false,
      issues: [
        { path: 'answers.visited', message: 'must be true or false' },
        { path: 'answers.seats', message: 'required' },
        { path: 'answers.speed', message: '"na" (not applicable) is not allowed for this question' },
        { path: 'answers.channel', message: 'required' },
        { path: 'answers.topics', message: 'duplicate option code "a"' },
        { path: 'answers.topics', message: 'unknown option code "q"' },
        { path: 'answers.topics', message: 'must select at most 2 options' },
        { path: 'answers.age', message: 'must be from 18 to 99' },
        { path: 'answers.comment', message: 'must be at most 10 characters (got 17)' },
        { path: 'answers.feedback_outcome', message: 'question is hidden by its condition (feedback_given)' },
        { path: 'answers.online_ease', message: 'question is hidden by its condition (channel)' },
        { path: 'answers.zzz', message: 'unknown question' },
      ],
    });
  });
});

describe('checkAnswers walks the questions in order', () => {
  // checkDefinition refuses these references; the checker still follows resolveVisibility's rule
  // (only an earlier, visible question can show another), as isQuestionVisible does.
  const oddReferences = SurveyDefinition.parse({
    ...definition,
    sections: [
      {
        id: 'first',
        title: t('Một'),
        showIf: { question: 'opening', equals: true }, // a question of its own section
        questions: [{ id: 'opening', type: 'yesNo', required: false, text: t('Mở') }],
      },
      {
        id: 'second',
        title: t('Hai'),
        questions: [
          { id: 'early', type: 'yesNo', required: false, text: t('Sớm'), showIf: { question: 'late', equals: true } }, // a later question
          { id: 'late', type: 'yesNo', required: false, text: t('Muộn') },
          { id: 'rating', type: 'satisfaction5', required: false, text: t('Đánh giá') },
        ],
      },
    ],
    scoring: { ...definition.scoring, components: [{ id: 'all', label: t('Tất cả'), criteria: ['rating'] }] },
  });
  it.each<[string, Record<string, unknown>]>([
    ['opening', { opening: true }],
    ['early', { late: true, early: true }],
  ])('hides %s, whose condition looks at a question not yet reached', (id, input) => {
    expect(isQuestionVisible(oddReferences, id, input as Answers)).toBe(false);
    expect(checkAnswers(oddReferences, input)).toEqual({
      ok: false,
      issues: [{ path: `answers.${id}`, message: `question is hidden by its condition (${id === 'opening' ? 'opening' : 'late'})` }],
    });
  });
});

describe('isQuestionVisible', () => {
  it.each<[string, Answers, boolean]>([
    ['visited', {}, true],
    ['feedback_outcome', {}, false],
    ['feedback_outcome', { feedback_given: true }, true],
    ['feedback_outcome', { feedback_given: false }, false],
    ['online_ease', {}, false],
    ['online_ease', { channel: 'online' }, true],
    ['online_ease', { channel: 'post' }, true],
    ['online_ease', { channel: 'counter' }, false],
    ['topic_a_note', { topics: ['b', 'a'] }, true],
    ['topic_a_note', { topics: ['b'] }, false],
    ['topic_a_note', { topics: [] }, false],
    ['online_problem', { channel: 'online', online_ease: 1 }, true],
    ['online_problem', { channel: 'online', online_ease: 3 }, false],
    // The referenced question is hidden, so its (stale) answer does not count.
    ['online_problem', { channel: 'counter', online_ease: 1 }, false],
    ['no_such_question', {}, false],
  ])('%s with %j -> %s', (id, answers, expected) => {
    expect(isQuestionVisible(definition, id, answers)).toBe(expected);
  });
});

describe('visibleQuestions', () => {
  const always = ['visited', 'seats', 'speed', 'channel_fit', 'channel', 'topics', 'age', 'comment', 'feedback_given'];
  it.each<[string, Answers, string[]]>([
    ['nothing answered', {}, always],
    ['feedback given, online channel', { feedback_given: true, channel: 'online' }, [...always, 'feedback_outcome', 'online_ease']],
  ])('%s', (_name, answers, expected) => {
    const ids = visibleQuestions(definition, answers).map(({ question }) => question.id);
    expect([...ids].sort()).toEqual([...expected].sort());
  });

  it('keeps definition order and section ids', () => {
    const visible = visibleQuestions(definition, { channel: 'online', online_ease: 2 }).slice(-2);
    expect(visible.map(({ sectionId, question }) => `${sectionId}/${question.id}`)).toEqual([
      'online/online_ease',
      'closing/online_problem',
    ]);
  });
});

describe('checkAnswerValue', () => {
  const question = (id: string) => {
    const found = definition.sections.flatMap((s) => s.questions).find((q) => q.id === id);
    if (!found) throw new Error(id);
    return found;
  };
  it.each<[string, unknown, string[]]>([
    ['seats', 'na', []],
    ['seats', 3, []],
    ['channel_fit', 0, ['must be an integer from 1 to 4']],
    ['topics', ['a', 'b'], []],
    ['age', 18, []],
  ])('%s = %j', (id, value, expected) => {
    expect(checkAnswerValue(question(id), value)).toEqual(expected);
  });
});
