import { loadDefinitions } from '@sipas/survey-definitions/load';
import { allQuestions, type Question } from '@sipas/survey-definitions/schema';
import { describe, expect, it } from 'vitest';
import { decodeAnswer, encodeAnswer, RAW_LEADING_COLUMNS, rawExportHeader, rawRowWriter } from './raw-layout.ts';

const definition = loadDefinitions().find((d) => d.definition.key === 'sipas-2017' && d.definition.version === 1)!.definition;
const question = (id: string): Question => allQuestions(definition).find((q) => q.question.id === id)!.question;

describe('the raw export layout', () => {
  it('has the leading columns, then every question id in definition order', () => {
    const header = rawExportHeader(definition);
    expect(header.slice(0, RAW_LEADING_COLUMNS.length)).toEqual([...RAW_LEADING_COLUMNS]);
    expect(header.slice(RAW_LEADING_COLUMNS.length, RAW_LEADING_COLUMNS.length + 3)).toEqual(['feedback_given', 'access_seats', 'access_equipment_sufficient']);
    expect(header.at(-1)).toBe('education');
  });

  it.each([
    ['access_seats', 4, 4, '4'],
    ['access_seats', 'na', 'na', 'na'],
    ['feedback_given', true, 1, '1'],
    ['feedback_given', false, 0, '0'],
    ['improvement_priorities', ['staff', 'access'], 'staff;access', 'staff;access'],
    ['gender', 'female', 'female', 'female'],
    ['comment', 'Cảm ơn, rất tốt', 'Cảm ơn, rất tốt', 'Cảm ơn, rất tốt'],
  ])('codes %s = %j as %j and reads %j back', (id, value, cell, text) => {
    expect(encodeAnswer(question(id), value)).toEqual(cell);
    expect(decodeAnswer(question(id), text)).toEqual({ value });
  });

  it.each([['access_seats'], ['feedback_given'], ['improvement_priorities'], ['comment']])('leaves %s blank when not answered', (id) => {
    expect(encodeAnswer(question(id), undefined)).toBeNull();
    expect(decodeAnswer(question(id), '  ')).toEqual({ value: undefined });
  });

  it('reads a comment back without the apostrophe the CSV put before a formula', () => {
    expect(decodeAnswer(question('comment'), "'=1+1")).toEqual({ value: '=1+1' });
    expect(decodeAnswer(question('comment'), "'quoted'")).toEqual({ value: "'quoted'" });
  });

  it.each([
    ['access_seats', '4.5', '"4.5" is not a level 1–5 or "na"'],
    ['access_seats', 'good', '"good" is not a level 1–5 or "na"'],
    ['feedback_given', 'yes', '"yes" is not 1 (yes) or 0 (no)'],
  ])('refuses %s = %j', (id, text, error) => {
    expect(decodeAnswer(question(id), text)).toEqual({ error });
  });

  it('writes a response as one row: identity, receipt flag as 1/0, then the coded answers', () => {
    const row = rawRowWriter(definition)({
      id: 'r1',
      surveyKey: 'sipas-2017',
      surveyVersion: 1,
      unitCode: '92',
      localDate: '2026-03-01',
      channel: 'qr',
      locale: 'vi',
      procedureCode: null,
      fromReceipt: true,
      answers: { feedback_given: false, access_seats: 5 },
    });
    expect(row.slice(0, 11)).toEqual(['r1', 'sipas-2017', 1, '92', '2026-03-01', 'qr', 'vi', null, 1, 0, 5]);
    expect(row).toHaveLength(rawExportHeader(definition).length);
  });
});
