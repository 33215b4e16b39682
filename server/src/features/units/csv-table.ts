import Papa from 'papaparse';

/** One problem in an import file. `line` is the 1-based line in the file (comment lines count). */
export interface ImportError {
  line: number;
  /** The header name of the bad value; null when the whole line is wrong. */
  column: string | null;
  reason: string;
}

export interface CsvRecord {
  /** 1-based line where the record starts (a quoted value may span several lines). */
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  records: CsvRecord[];
  errors: ImportError[];
  /** Data lines read, including those refused here (wrong number of values). */
  recordCount: number;
}

/**
 * Pure: reads a CSV file with a header line into records keyed by column name.
 * Lines starting with `#` (source notes) and blank lines are skipped but counted, so every record
 * knows its line in the file. A UTF-8 byte order mark (Excel) is ignored; header names are trimmed and
 * lower-cased, values trimmed. The header must hold exactly the given columns, in any order.
 */
export function readCsvTable(text: string, columns: readonly string[]): CsvTable {
  const errors: ImportError[] = [];
  const records: CsvRecord[] = [];
  let header: { line: number; names: string[] } | undefined;
  let recordCount = 0;

  for (const raw of splitRecords(text.replace(/^\uFEFF/, ''))) {
    if (raw.text.startsWith('#') || /^[\s,]*$/.test(raw.text)) continue;
    if (raw.unterminated) {
      errors.push({ line: raw.line, column: null, reason: 'a quoted value is not closed' });
      if (header) recordCount++;
      continue;
    }
    const fields = parseRecord(raw.text);
    if (!header) {
      header = { line: raw.line, names: fields.map((name) => name.trim().toLowerCase()) };
      errors.push(...checkHeader(header.line, header.names, columns));
      if (errors.length > 0) return { records: [], errors, recordCount };
      continue;
    }
    recordCount++;
    if (fields.length !== header.names.length) {
      errors.push({
        line: raw.line,
        column: null,
        reason: `has ${fields.length} values, the header has ${header.names.length}`,
      });
      continue;
    }
    const values: Record<string, string> = {};
    header.names.forEach((name, i) => (values[name] = fields[i]!.trim()));
    records.push({ line: raw.line, values });
  }
  if (!header) return { records: [], errors: [...errors, { line: 1, column: null, reason: 'no header line' }], recordCount };
  return { records, errors, recordCount };
}

function checkHeader(line: number, names: string[], columns: readonly string[]): ImportError[] {
  const errors: ImportError[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) errors.push({ line, column: name, reason: 'column appears twice in the header' });
    else if (!columns.includes(name)) errors.push({ line, column: name || null, reason: `unknown column (expected: ${columns.join(',')})` });
    seen.add(name);
  }
  for (const column of columns) {
    if (!seen.has(column)) errors.push({ line, column, reason: 'missing column in the header' });
  }
  return errors;
}

/** Groups physical lines into records: a record continues while a quoted value is open (odd quote count). */
function* splitRecords(text: string): Generator<{ line: number; text: string; unterminated: boolean }> {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    let record = lines[i]!;
    if (record.startsWith('#')) {
      yield { line, text: record, unterminated: false };
      continue;
    }
    while (countQuotes(record) % 2 === 1 && i + 1 < lines.length) record += `\n${lines[++i]}`;
    yield { line, text: record, unterminated: countQuotes(record) % 2 === 1 };
  }
}

function countQuotes(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '"') n++;
  return n;
}

function parseRecord(record: string): string[] {
  // One record at a time, with the delimiter fixed: guessing it from one line can go wrong.
  const result = Papa.parse<string[]>(record, { delimiter: ',', header: false, newline: '\n' });
  return result.data[0] ?? [''];
}

/** Splits a `;`-separated list cell; blanks are dropped. */
export function splitList(cell: string): string[] {
  return cell
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Orders errors by line; within a line they keep the order they were found in. */
export function sortErrors(errors: ImportError[]): ImportError[] {
  return [...errors].sort((a, b) => a.line - b.line);
}
