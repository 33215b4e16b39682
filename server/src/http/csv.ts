import Papa from 'papaparse';

/** A cell of an exported CSV: numbers stay numbers (never quoted or prefixed), null is an empty cell. */
export type CsvCell = string | number | boolean | null;

// papaparse's own escapeFormulae pattern (/^[=+\-@\t\r].*$/) misses a formula followed by a line break.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV text for Excel and LibreOffice: UTF-8 with a byte-order mark (so Vietnamese shows without an import
 * dialog), CRLF line ends, and text cells that start like a formula (= + - @ tab CR) prefixed with an
 * apostrophe so a spreadsheet shows them instead of running them. Numbers are left as numbers.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const body = Papa.unparse(
    { fields: [...header], data: rows.map((row) => [...row]) },
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  );
  return `\uFEFF${body}\r\n`;
}

/** Content-Type and Content-Disposition for a CSV download named `fileName` (ASCII, with .csv). */
export function csvDownloadHeaders(fileName: string): Record<string, string> {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
  };
}
