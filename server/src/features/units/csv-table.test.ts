import { describe, expect, it } from 'vitest';
import { readCsvTable, splitList } from './csv-table.ts';

const COLUMNS = ['code', 'name'];

describe('readCsvTable', () => {
  it('numbers records by their line in the file, counting comment and blank lines', () => {
    const text = '# source: GSO\n# note, with "quotes\ncode,name\n01,Hà Nội\n\n# later note\n02,Hà Giang\n,\n04,Cao Bằng\n';
    const table = readCsvTable(text, COLUMNS);
    expect(table.errors).toEqual([]);
    expect(table.records).toEqual([
      { line: 4, values: { code: '01', name: 'Hà Nội' } },
      { line: 7, values: { code: '02', name: 'Hà Giang' } },
      { line: 9, values: { code: '04', name: 'Cao Bằng' } },
    ]);
    expect(table.recordCount).toBe(3);
  });

  it('gives a record with a multi-line quoted value the line it starts on', () => {
    const table = readCsvTable('code,name\n01,"first\nsecond, still"\n02,"say ""hi"""\n', COLUMNS);
    expect(table.records).toEqual([
      { line: 2, values: { code: '01', name: 'first\nsecond, still' } },
      { line: 4, values: { code: '02', name: 'say "hi"' } },
    ]);
  });

  it.each([
    ['a byte order mark and CRLF (Excel)', '\uFEFFcode,name\r\n01,A\r\n'],
    ['header names in another case and order, with spaces', ' Name , CODE\nA,01\n'],
    ['values with spaces around them', 'code,name\n 01 ,  A \n'],
  ])('reads %s', (_case, text) => {
    expect(readCsvTable(text, COLUMNS)).toEqual({ records: [{ line: 2, values: { code: '01', name: 'A' } }], errors: [], recordCount: 1 });
  });

  it.each([
    ['a missing column', '# c\ncode\n01\n', [{ line: 2, column: 'name', reason: 'missing column in the header' }]],
    [
      'an unknown column',
      'code,name,nmae\n01,A,B\n',
      [{ line: 1, column: 'nmae', reason: 'unknown column (expected: code,name)' }],
    ],
    ['a repeated column', 'code,name,code\n', [{ line: 1, column: 'code', reason: 'column appears twice in the header' }]],
    ['no header at all', '# only a comment\n\n', [{ line: 1, column: null, reason: 'no header line' }]],
  ])('refuses a header with %s and reads no record', (_case, text, errors) => {
    const table = readCsvTable(text, COLUMNS);
    expect(table.errors).toEqual(errors);
    expect(table.records).toEqual([]);
  });

  it.each([
    ['too many values', 'code,name\n01,A,extra\n02,B\n', { line: 2, column: null, reason: 'has 3 values, the header has 2' }],
    ['too few values', 'code,name\n# c\n01\n02,B\n', { line: 3, column: null, reason: 'has 1 values, the header has 2' }],
  ])('refuses a line with %s and keeps reading', (_case, text, error) => {
    const table = readCsvTable(text, COLUMNS);
    expect(table.errors).toEqual([error]);
    expect(table.records.map((r) => r.values.code)).toEqual(['02']);
    expect(table.recordCount).toBe(2);
  });

  it('refuses a quoted value that is never closed, at the line it opens', () => {
    const table = readCsvTable('code,name\n01,A\n02,"B\n03,C\n', COLUMNS);
    expect(table.errors).toEqual([{ line: 3, column: null, reason: 'a quoted value is not closed' }]);
    expect(table.records.map((r) => r.values.code)).toEqual(['01']);
  });
});

describe('splitList', () => {
  it.each([
    ['', []],
    ['92', ['92']],
    ['92;93; 94 ;', ['92', '93', '94']],
    [' ; ', []],
  ])('splits %j', (cell, items) => {
    expect(splitList(cell)).toEqual(items);
  });
});
