import { CalendarDate, UnitCode, UnitLevel } from '../../api/units.schemas.ts';
import { readCsvTable, sortErrors, splitList, type CsvRecord, type ImportError } from './csv-table.ts';

/** The unit import layout (any column order; lists are `;`-separated; dates YYYY-MM-DD or DD/MM/YYYY). */
export const UNIT_COLUMNS = [
  'code',
  'name_vi',
  'name_en',
  'full_name_vi',
  'level',
  'type',
  'parent_code',
  'valid_from',
  'valid_to',
  'group_tags',
  'merged_from',
  'merged_partial',
] as const;

export interface UnitImportRow {
  line: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
  fullNameVi: string;
  level: UnitLevel;
  type: string;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  groupTags: string[];
  /** Codes of the units this one was formed from, each the unit with that code valid the day before validFrom. */
  mergedFrom: string[];
  /** Those of mergedFrom that gave only part of their territory. */
  mergedPartial: string[];
}

export interface ParsedUnits {
  /** Data rows read, good and bad. */
  recordCount: number;
  rows: UnitImportRow[];
  errors: ImportError[];
  /** Codes of rows that have errors: a reference to them is not reported again. */
  invalidCodes: Set<string>;
}

const MAX_TEXT = 300;
const GROUP_TAG = /^([a-z][a-z0-9_-]*):(.+)$/;

/** Pure: a unit CSV file into valid rows and every error with its line and column. */
export function parseUnitsCsv(text: string): ParsedUnits {
  const table = readCsvTable(text, UNIT_COLUMNS);
  const parsed = parseUnitRecords(table.records);
  return { ...parsed, recordCount: table.recordCount, errors: sortErrors([...table.errors, ...parsed.errors]) };
}

/** Pure: records in the import layout (from a file or from the seed mapping) into valid rows. */
export function parseUnitRecords(records: CsvRecord[]): ParsedUnits {
  const rows: UnitImportRow[] = [];
  const errors: ImportError[] = [];
  const invalidCodes = new Set<string>();
  for (const record of records) {
    const result = parseUnitRecord(record);
    if ('row' in result) rows.push(result.row);
    else {
      errors.push(...result.errors);
      if (record.values.code) invalidCodes.add(record.values.code);
    }
  }
  return { recordCount: records.length, rows, errors, invalidCodes };
}

function parseUnitRecord({ line, values }: CsvRecord): { row: UnitImportRow } | { errors: ImportError[] } {
  const errors: ImportError[] = [];
  const fail = (column: string, reason: string) => errors.push({ line, column, reason });
  const v = (column: (typeof UNIT_COLUMNS)[number]) => values[column] ?? '';

  const code = v('code');
  if (!code) fail('code', 'required');
  else if (!UnitCode.safeParse(code).success) fail('code', `"${code}" is not a unit code (letters, digits, . _ -; at most 32)`);

  const nameVi = v('name_vi');
  if (!nameVi) fail('name_vi', 'required');
  for (const column of ['name_vi', 'name_en', 'full_name_vi', 'type'] as const) {
    if (v(column).length > MAX_TEXT) fail(column, `longer than ${MAX_TEXT} characters`);
  }

  const levelResult = UnitLevel.safeParse(v('level'));
  if (!v('level')) fail('level', 'required');
  else if (!levelResult.success) fail('level', `"${v('level')}" is not one of ${UnitLevel.options.join(', ')}`);

  const type = v('type');
  if (!type) fail('type', 'required');

  const parentCode = v('parent_code') || null;
  if (parentCode && !UnitCode.safeParse(parentCode).success) fail('parent_code', `"${parentCode}" is not a unit code`);
  else if (levelResult.success && levelResult.data === 'province' && parentCode) fail('parent_code', 'must be empty for a province');
  else if (levelResult.success && levelResult.data !== 'province' && !parentCode) fail('parent_code', `required for a ${levelResult.data}`);
  else if (parentCode && parentCode === code) fail('parent_code', 'a unit cannot be its own parent');

  const validFrom = readDate(v('valid_from'));
  if (!v('valid_from')) fail('valid_from', 'required');
  else if (!validFrom) fail('valid_from', `"${v('valid_from')}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`);

  const validTo = v('valid_to') ? readDate(v('valid_to')) : null;
  if (v('valid_to') && !validTo) fail('valid_to', `"${v('valid_to')}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
  else if (validFrom && validTo && validTo < validFrom) fail('valid_to', `${validTo} is before valid_from ${validFrom}`);

  const groupTags = splitList(v('group_tags'));
  for (const tag of groupTags) {
    if (!GROUP_TAG.test(tag)) fail('group_tags', `"${tag}" is not kind:value (e.g. region:Tây Nguyên)`);
  }
  const repeatedTag = firstRepeated(groupTags);
  if (repeatedTag) fail('group_tags', `"${repeatedTag}" appears twice`);

  const mergedFrom = splitList(v('merged_from'));
  const badPredecessor = mergedFrom.find((c) => !UnitCode.safeParse(c).success);
  if (badPredecessor) fail('merged_from', `"${badPredecessor}" is not a unit code`);
  const repeatedPredecessor = firstRepeated(mergedFrom);
  if (repeatedPredecessor) fail('merged_from', `"${repeatedPredecessor}" appears twice`);

  const mergedPartial = splitList(v('merged_partial'));
  const stray = mergedPartial.find((c) => !mergedFrom.includes(c));
  if (stray) fail('merged_partial', `"${stray}" is not in merged_from`);

  if (errors.length > 0 || !levelResult.success || !validFrom) return { errors };
  return {
    row: {
      line,
      code,
      nameVi,
      nameEn: v('name_en') || null,
      fullNameVi: v('full_name_vi') || nameVi,
      level: levelResult.data,
      type,
      parentCode,
      validFrom,
      validTo,
      groupTags,
      mergedFrom,
      mergedPartial: [...new Set(mergedPartial)],
    },
  };
}

/** YYYY-MM-DD, or DD/MM/YYYY as Vietnamese spreadsheets write it; null when not a real date. */
export function readDate(cell: string): string | null {
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : cell;
  return CalendarDate.safeParse(iso).success ? iso : null;
}

function firstRepeated(items: string[]): string | undefined {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item)) return item;
    seen.add(item);
  }
  return undefined;
}
