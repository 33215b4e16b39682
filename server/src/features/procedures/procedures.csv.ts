import { ProcedureCode } from '../../api/procedures.schemas.ts';
import { readCsvTable, sortErrors, type CsvRecord, type ImportError } from '../units/csv-table.ts';

/** The procedure import layout: the columns of the national catalogue export (any order). */
export const PROCEDURE_COLUMNS = [
  'code',
  'name_vi',
  'field',
  'promulgating_agency',
  'executing_agency',
  'catalogue_type',
  'state',
  'portal_url',
] as const;

export interface ProcedureImportRow {
  line: number;
  code: string;
  nameVi: string;
  field: string;
  promulgatingAgency: string | null;
  executingAgency: string | null;
  catalogueType: string | null;
  state: string | null;
  portalUrl: string | null;
}

export interface ParsedProcedures {
  recordCount: number;
  rows: ProcedureImportRow[];
  errors: ImportError[];
}

const MAX_TEXT = 4000; // some procedure names run to several hundred characters

/** Pure: a procedure CSV file into valid rows and every error with its line and column. */
export function parseProceduresCsv(text: string): ParsedProcedures {
  const table = readCsvTable(text, PROCEDURE_COLUMNS);
  const rows: ProcedureImportRow[] = [];
  const errors: ImportError[] = [...table.errors];
  const lineOfCode = new Map<string, number>();
  for (const record of table.records) {
    const result = parseProcedureRecord(record);
    if ('errors' in result) {
      errors.push(...result.errors);
      continue;
    }
    const first = lineOfCode.get(result.row.code);
    if (first !== undefined) {
      errors.push({ line: record.line, column: 'code', reason: `${result.row.code} is already on line ${first}` });
      continue;
    }
    lineOfCode.set(result.row.code, record.line);
    rows.push(result.row);
  }
  return { recordCount: table.recordCount, rows, errors: sortErrors(errors) };
}

function parseProcedureRecord({ line, values }: CsvRecord): { row: ProcedureImportRow } | { errors: ImportError[] } {
  const errors: ImportError[] = [];
  const fail = (column: string, reason: string) => errors.push({ line, column, reason });
  const v = (column: (typeof PROCEDURE_COLUMNS)[number]) => values[column] ?? '';

  const code = v('code');
  if (!code) fail('code', 'required');
  else if (!ProcedureCode.safeParse(code).success) fail('code', `"${code}" is not a procedure code such as 1.001193`);
  if (!v('name_vi')) fail('name_vi', 'required');
  if (!v('field')) fail('field', 'required');
  for (const column of PROCEDURE_COLUMNS) {
    if (v(column).length > MAX_TEXT) fail(column, `longer than ${MAX_TEXT} characters`);
  }
  const url = v('portal_url');
  if (url && !isWebAddress(url)) fail('portal_url', `"${url}" is not an http(s) address`);

  if (errors.length > 0) return { errors };
  const optional = (column: (typeof PROCEDURE_COLUMNS)[number]) => v(column) || null;
  return {
    row: {
      line,
      code,
      nameVi: v('name_vi'),
      field: v('field'),
      promulgatingAgency: optional('promulgating_agency'),
      executingAgency: optional('executing_agency'),
      catalogueType: optional('catalogue_type'),
      state: optional('state'),
      portalUrl: optional('portal_url'),
    },
  };
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
