import { describe, expect, it } from 'vitest';
import {
  allQuestions,
  AnswerValue,
  LocalizedText,
  Question,
  SATISFACTION_LEVEL_LABELS,
  SurveyDefinition,
} from './definition.schema.ts';

const t = (vi: string) => ({ vi });

describe('LocalizedText', () => {
  it.each([
    [{ vi: 'Xin chào' }, true],
    [{ vi: 'Xin chào', en: 'Hello' }, true],
    [{ vi: '  ' }, false],
    [{ en: 'Hello' }, false],
    [{ vi: 'Xin chào', fr: 'Bonjour' }, false],
  ])('%j -> %s', (input, ok) => {
    expect(LocalizedText.safeParse(input).success).toBe(ok);
  });
});

describe('Question defaults', () => {
  it.each([
    [{ id: 'a', type: 'satisfaction5', text: t('A') }, { required: true, allowNotApplicable: false }],
    [{ id: 'b', type: 'yesNo', text: t('B'), required: false }, { required: false }],
    [{ id: 'c', type: 'number', text: t('C'), min: 0, max: 9 }, { required: true, integer: false }],
  ])('%j', (input, expected) => {
    expect(Question.parse(input)).toMatchObject(expected);
  });
});

describe('AnswerValue', () => {
  it.each([
    [4, true],
    ['na', true],
    [true, true],
    ['counter', true],
    [['a', 'b'], true],
    [null, false],
    [{ a: 1 }, false],
    [[1], false],
  ])('%j -> %s', (input, ok) => {
    expect(AnswerValue.safeParse(input).success).toBe(ok);
  });
});

it('has five satisfaction labels per locale, level 1 first', () => {
  expect(SATISFACTION_LEVEL_LABELS.vi).toHaveLength(5);
  expect(SATISFACTION_LEVEL_LABELS.en).toHaveLength(5);
  expect(SATISFACTION_LEVEL_LABELS.vi[0]).toBe('Rất không hài lòng');
  expect(SATISFACTION_LEVEL_LABELS.vi[4]).toBe('Rất hài lòng');
});

it('allQuestions lists questions in order with their section id', () => {
  const definition = SurveyDefinition.parse({
    key: 'order',
    version: 1,
    status: 'draft',
    locales: ['vi'],
    title: t('T'),
    introduction: t('I'),
    thankYou: t('C'),
    sections: [
      { id: 's1', title: t('S1'), questions: [{ id: 'q1', type: 'yesNo', text: t('Q1') }, { id: 'q2', type: 'yesNo', text: t('Q2') }] },
      { id: 's2', title: t('S2'), questions: [{ id: 'q3', type: 'satisfaction5', text: t('Q3') }] },
    ],
    scoring: {
      satisfiedLevels: [4, 5],
      components: [{ id: 'c', label: t('C'), criteria: ['q3'] }],
      overallMethod: 'pooled-items',
      minSampleToRank: 1,
      provenance: { source: 'test' },
    },
  });
  expect(allQuestions(definition).map(({ sectionId, question }) => `${sectionId}/${question.id}`)).toEqual([
    's1/q1',
    's1/q2',
    's2/q3',
  ]);
});
