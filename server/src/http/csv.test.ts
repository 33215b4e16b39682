import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvDownloadHeaders, toCsv } from './csv.ts';

const BOM = '\uFEFF';

/** The data lines of a one-column export (after the BOM and the header line). */
const cellsOf = (values: Array<string | number | boolean | null>) =>
  toCsv(['x'], values.map((v) => [v]))
    .slice(BOM.length)
    .split('\r\n')
    .slice(1, -1);

describe('toCsv', () => {
  it('starts with a UTF-8 byte-order mark and ends every line with CRLF', () => {
    const csv = toCsv(['a', 'b'], [[1, 'x']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}a,b\r\n1,x\r\n`);
  });

  it.each([
    ['=SUM(A1:A2)', `"'=SUM(A1:A2)"`],
    ['+84 912 345 678', `"'+84 912 345 678"`],
    ['-1+2', `"'-1+2"`],
    ['@cmd', `"'@cmd"`],
    ['\tTAB', `"'\tTAB"`],
  ])('prefixes (and quotes) a text cell starting like a formula: %j', (value, expected) => {
    expect(cellsOf([value])).toEqual([expected]);
  });

  it('neutralises a cell that starts with CR (quoted, as it holds a line break)', () => {
    expect(toCsv(['x'], [['\rcmd']])).toBe(`${BOM}x\r\n"'\rcmd"\r\n`);
  });

  it('neutralises a formula followed by a line break (papaparse’s own pattern misses it)', () => {
    const csv = toCsv(['x'], [['=HYPERLINK("http://evil")\nsecond line']]);
    expect(csv).toBe(`${BOM}x\r\n"'=HYPERLINK(""http://evil"")\nsecond line"\r\n`);
  });

  it.each([
    [85.54, '85.54'],
    [-0.52, '-0.52'],
    [-3, '-3'],
    [0, '0'],
    [1234567, '1234567'],
  ])('leaves the number %s as a number, unquoted and unprefixed', (value, expected) => {
    expect(cellsOf([value])).toEqual([expected]);
  });

  it('writes null as an empty cell and booleans as true/false', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, true, false]])).toBe(`${BOM}a,b,c\r\n,true,false\r\n`);
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(cellsOf(['a,b'])).toEqual(['"a,b"']);
    expect(cellsOf(['say "hi"'])).toEqual(['"say ""hi"""']);
    expect(toCsv(['x'], [['two\nlines']])).toBe(`${BOM}x\r\n"two\nlines"\r\n`);
  });

  it('round-trips Vietnamese text through papaparse', () => {
    const rows = [
      ['Thành phố Cần Thơ', 'Cán bộ nhiệt tình, "chu đáo"; thủ tục nhanh.\nCảm ơn!'],
      ['Hà Tĩnh', 'Đề nghị giảm thời gian chờ đợi ở quầy một cửa'],
    ];
    const csv = toCsv(['unit', 'comment'], rows);
    const parsed = Papa.parse<string[]>(csv.slice(BOM.length), { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([['unit', 'comment'], ...rows]);
  });
});

describe('csvDownloadHeaders', () => {
  it('names the file as an attachment, with only safe characters', () => {
    expect(csvDownloadHeaders('kết quả 2025.csv')).toEqual({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="k_t_qu__2025.csv"',
    });
  });
});
