import { describe, expect, it } from 'vitest';
import { SurveyDefinition, type Condition } from '@sipas/survey-definitions/schema';
import { answerChoices, describeCondition, valueLabel } from './survey-preview.ts';

const text = (vi: string, en: string) => ({ vi, en });

const definition = SurveyDefinition.parse({
  key: 'preview-test',
  version: 1,
  status: 'draft',
  locales: ['vi', 'en'],
  title: text('Phiếu thử', 'Test survey'),
  introduction: text('Giới thiệu', 'Introduction'),
  thankYou: text('Cảm ơn', 'Thank you'),
  sections: [
    {
      id: 'first',
      title: text('Phần đầu', 'First part'),
      questions: [
        { id: 'feedback_given', type: 'yesNo', text: text('Đã góp ý?', 'Gave feedback?') },
        {
          id: 'channel',
          type: 'singleChoice',
          text: text('Kênh', 'Channel'),
          options: [
            { code: 'counter', label: text('Tại quầy', 'At the counter') },
            { code: 'online_full', label: text('Trực tuyến', 'Online') },
          ],
        },
        { id: 'seats', type: 'satisfaction5', allowNotApplicable: true, text: text('Chỗ ngồi', 'Seats') },
        { id: 'fit', type: 'scale4', text: text('Phù hợp', 'Fit'), labels: ['Không', 'Ít', 'Phù hợp', 'Rất'].map((l) => text(l, l)) },
        { id: 'visits', type: 'number', text: text('Số lần', 'Visits'), min: 0, max: 1000 },
        { id: 'comment', type: 'text', text: text('Ý kiến', 'Comment'), maxLength: 1000, required: false },
      ],
    },
  ],
  scoring: {
    satisfiedLevels: [4, 5],
    components: [{ id: 'access', label: text('Tiếp cận', 'Access'), criteria: ['seats'] }],
    overallMethod: 'mean-of-components',
    minSampleToRank: 30,
    provenance: { source: 'test' },
  },
});
const question = (id: string) => definition.sections[0]!.questions.find((q) => q.id === id)!;

describe('answerChoices', () => {
  // Labels come from the definition file above and from SATISFACTION_LEVEL_LABELS / NOT_APPLICABLE_LABEL.
  it.each([
    ['feedback_given', 'vi', ['Có', 'Không']],
    ['feedback_given', 'en', ['Yes', 'No']],
    ['channel', 'vi', ['Tại quầy', 'Trực tuyến']],
    ['channel', 'en', ['At the counter', 'Online']],
    ['seats', 'vi', ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng', 'Không sử dụng / không áp dụng']],
    ['fit', 'en', ['Không', 'Ít', 'Phù hợp', 'Rất']],
    ['visits', 'vi', []],
    ['comment', 'vi', []],
  ] as const)('%s in %s', (id, locale, labels) => {
    expect(answerChoices(question(id), locale).map((c) => c.label)).toEqual(labels);
  });

  it('numbers the levels of a scale and not the "na" choice', () => {
    expect(answerChoices(question('seats'), 'vi').map((c) => [c.value, c.level])).toEqual([
      ['1', 1], ['2', 2], ['3', 3], ['4', 4], ['5', 5], ['na', undefined],
    ]);
  });
});

describe('valueLabel', () => {
  it.each([
    ['feedback_given', true, 'vi', 'Có'],
    ['feedback_given', false, 'en', 'No'],
    ['channel', 'online_full', 'vi', 'Trực tuyến'],
    ['seats', 4, 'vi', '4 – Hài lòng'],
    ['seats', 'na', 'en', 'Not applicable / did not use'],
    ['fit', 2, 'vi', '2 – Ít'],
    // No matching choice: the value itself, numbers in vi-VN.
    ['channel', 'by_post', 'vi', 'by_post'],
    ['visits', 1500, 'en', '1.500'],
  ] as const)('%s = %s in %s -> %s', (id, value, locale, expected) => {
    expect(valueLabel(question(id), value, locale)).toBe(expected);
  });

  it.each([
    [true, 'Có'],
    [2.5, '2,5'],
    ['x', 'x'],
  ])('unknown question: %s -> %s', (value, expected) => {
    expect(valueLabel(undefined, value, 'vi')).toBe(expected);
  });
});

describe('describeCondition', () => {
  it.each<[Condition, 'vi' | 'en', ReturnType<typeof describeCondition>]>([
    // The example: "Chỉ hiện khi: feedback_given = Có".
    [{ question: 'feedback_given', equals: true }, 'vi', { questionId: 'feedback_given', operator: 'equals', values: ['Có'] }],
    [{ question: 'feedback_given', equals: true }, 'en', { questionId: 'feedback_given', operator: 'equals', values: ['Yes'] }],
    [
      { question: 'channel', oneOf: ['counter', 'online_full'] },
      'vi',
      { questionId: 'channel', operator: 'oneOf', values: ['Tại quầy', 'Trực tuyến'] },
    ],
    [{ question: 'missing', equals: 'x' }, 'vi', { questionId: 'missing', operator: 'equals', values: ['x'] }],
  ])('%j in %s', (condition, locale, expected) => {
    expect(describeCondition(condition, definition, locale)).toEqual(expected);
  });
});
