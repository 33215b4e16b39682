// The raw responses layout (server/docs/exports.md, "Raw responses"): one row per response, leading columns
// then one column per question id of the version in definition order, coded values. Pure: the export
// writes it and `npm run score` reads it back, so both sides share these functions.
import { allQuestions, NOT_APPLICABLE, type AnswerValue, type Question, type SurveyDefinition } from '@sipas/survey-definitions/schema';
import type { CsvCell } from '../../http/csv.ts';

export const RAW_LEADING_COLUMNS = [
  'response_id',
  'survey_key',
  'survey_version',
  'unit_code',
  'local_date',
  'channel',
  'locale',
  'procedure_code',
  'from_receipt',
] as const;

/** Separator of the codes of a multiple-choice answer in one cell (option codes never contain it). */
export const MULTI_CODE_SEPARATOR = ';';

export interface RawResponse {
  id: string;
  surveyKey: string;
  surveyVersion: number;
  unitCode: string;
  localDate: string;
  channel: string;
  locale: string;
  procedureCode: string | null;
  fromReceipt: boolean;
  answers: Record<string, unknown>;
}

export function rawExportHeader(definition: SurveyDefinition): string[] {
  return [...RAW_LEADING_COLUMNS, ...allQuestions(definition).map(({ question }) => question.id)];
}

/**
 * One answer as its cell: levels and numbers as numbers, "na" as the definition's not-applicable code, yes/no
 * as 1/0, choice codes as text, several codes joined by ";", free text as given; blank when not answered.
 */
export function encodeAnswer(question: Question, value: unknown): CsvCell {
  if (value === undefined || value === null) return null;
  switch (question.type) {
    case 'yesNo':
      return value === true ? 1 : value === false ? 0 : null;
    case 'multipleChoice':
      return Array.isArray(value) && value.length > 0 ? value.join(MULTI_CODE_SEPARATOR) : null;
    default:
      return typeof value === 'number' || typeof value === 'string' ? value : null;
  }
}

/** Writes responses of one version as rows of the layout (the question list is read once, not per row). */
export function rawRowWriter(definition: SurveyDefinition): (response: RawResponse) => CsvCell[] {
  const questions = allQuestions(definition).map(({ question }) => question);
  return (response) => [
    response.id,
    response.surveyKey,
    response.surveyVersion,
    response.unitCode,
    response.localDate,
    response.channel,
    response.locale,
    response.procedureCode,
    response.fromReceipt ? 1 : 0,
    ...questions.map((question) => encodeAnswer(question, response.answers[question.id])),
  ];
}

export type DecodedCell = { value: AnswerValue | undefined } | { error: string };

const WHOLE_NUMBER = /^-?\d+$/;
// toCsv prefixes text that starts like a formula with an apostrophe; reading back removes it.
const NEUTRALISED = /^'(?=[=+\-@\t\r])/;

/**
 * A cell of the layout back into an answer value (blank = not answered). Only the shape is checked here;
 * ranges, option codes and show-if are checked against the definition by checkAnswers.
 */
export function decodeAnswer(question: Question, cell: string): DecodedCell {
  const text = cell.trim();
  if (text === '') return { value: undefined };
  switch (question.type) {
    case 'satisfaction5':
      if (text === NOT_APPLICABLE) return { value: NOT_APPLICABLE };
      return WHOLE_NUMBER.test(text) ? { value: Number(text) } : { error: `"${text}" is not a level 1–5 or "${NOT_APPLICABLE}"` };
    case 'scale4':
      return WHOLE_NUMBER.test(text) ? { value: Number(text) } : { error: `"${text}" is not a level 1–4` };
    case 'yesNo':
      if (text === '1') return { value: true };
      if (text === '0') return { value: false };
      return { error: `"${text}" is not 1 (yes) or 0 (no)` };
    case 'singleChoice':
      return { value: text };
    case 'multipleChoice':
      return { value: text.split(MULTI_CODE_SEPARATOR).map((code) => code.trim()) };
    case 'text':
      return { value: cell.replace(NEUTRALISED, '') };
    case 'number': {
      const number = Number(text);
      return Number.isFinite(number) ? { value: number } : { error: `"${text}" is not a number` };
    }
  }
}
