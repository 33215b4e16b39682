import { checkAnswers } from '@sipas/survey-definitions/answers';
import { allQuestions, type Answers, type AnswerValue, type SurveyDefinition } from '@sipas/survey-definitions/schema';
import { UnitCode } from '../../api/units.schemas.ts';
import { decodeAnswer, rawExportHeader } from '../exports/raw-layout.ts';
import { readCsvTable, sortErrors, type CsvRecord, type ImportError } from '../units/csv-table.ts';
import { readDate } from '../units/units.csv.ts';

/** A valid row of a raw responses file: what scoring needs. */
export interface ScoredResponse {
  line: number;
  id: string;
  unitCode: string;
  localDate: string;
  answers: Answers;
}

export interface ParsedRawResponses {
  /** Data rows read, good and bad. */
  recordCount: number;
  responses: ScoredResponse[];
  /** Every problem, by line: a file with any is not scored. */
  errors: ImportError[];
}

/**
 * Pure: a CSV in the raw export layout (server/docs/exports.md) checked row by row against the definition: the
 * header must hold exactly the layout's columns (any order), each row must be of this survey version, name a
 * unit and a date, and its answers must pass the same checks as a submitted response (levels, option codes,
 * required questions, show-if). Dates may be YYYY-MM-DD or DD/MM/YYYY.
 */
export function parseRawResponsesCsv(text: string, definition: SurveyDefinition): ParsedRawResponses {
  const table = readCsvTable(text, rawExportHeader(definition));
  const responses: ScoredResponse[] = [];
  const errors: ImportError[] = [...table.errors];
  const firstLineOfId = new Map<string, number>();
  for (const record of table.records) {
    const result = parseRecord(record, definition);
    const id = record.values.response_id ?? '';
    const seenOn = firstLineOfId.get(id);
    if (id !== '' && seenOn !== undefined) {
      errors.push({ line: record.line, column: 'response_id', reason: `"${id}" appears twice (first on line ${seenOn})` });
    } else if (id !== '') firstLineOfId.set(id, record.line);
    if ('response' in result) {
      if (seenOn === undefined) responses.push(result.response);
    } else errors.push(...result.errors);
  }
  return { recordCount: table.recordCount, responses, errors: sortErrors(errors) };
}

function parseRecord({ line, values }: CsvRecord, definition: SurveyDefinition): { response: ScoredResponse } | { errors: ImportError[] } {
  const errors: ImportError[] = [];
  const fail = (column: string, reason: string) => errors.push({ line, column, reason });
  const v = (column: string) => values[column] ?? '';

  if (!v('response_id')) fail('response_id', 'required');
  if (v('survey_key') !== definition.key) fail('survey_key', `"${v('survey_key')}" is not ${definition.key}`);
  if (v('survey_version') !== String(definition.version)) fail('survey_version', `"${v('survey_version')}" is not ${definition.version}`);
  const unitCode = v('unit_code');
  if (!unitCode) fail('unit_code', 'required');
  else if (!UnitCode.safeParse(unitCode).success) fail('unit_code', `"${unitCode}" is not a unit code`);
  const localDate = readDate(v('local_date'));
  if (!v('local_date')) fail('local_date', 'required');
  else if (!localDate) fail('local_date', `"${v('local_date')}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
  if (!['', '0', '1'].includes(v('from_receipt'))) fail('from_receipt', `"${v('from_receipt')}" is not 1, 0 or blank`);

  const answers: Record<string, AnswerValue> = {};
  const undecodable = new Set<string>();
  for (const { question } of allQuestions(definition)) {
    const decoded = decodeAnswer(question, v(question.id));
    if ('error' in decoded) {
      fail(question.id, decoded.error);
      undecodable.add(question.id);
    } else if (decoded.value !== undefined) answers[question.id] = decoded.value;
  }
  const checked = checkAnswers(definition, answers);
  if (!checked.ok) {
    for (const issue of checked.issues) {
      const column = issue.path.replace(/^answers\./, '');
      // A value that could not be read is reported once, not again as "required".
      if (!undecodable.has(column)) fail(column, issue.message);
    }
  }
  if (errors.length > 0 || !checked.ok || !localDate) return { errors };
  return { response: { line, id: v('response_id'), unitCode, localDate, answers: checked.answers } };
}
