import { describe, expect, it } from 'vitest';
import { parseUnitsCsv, readDate, UNIT_COLUMNS } from './units.csv.ts';

const HEADER = UNIT_COLUMNS.join(',');
const PROVINCE = '42,Hà Tĩnh,Ha Tinh,Tỉnh Hà Tĩnh,province,tỉnh,,2025-07-01,,region:Bắc Trung Bộ và duyên hải miền Trung;subregion:Bắc Trung Bộ,42,';
const COMMUNE = '18073,Thành Sen,,Phường Thành Sen,commune,phường,42,01/07/2025,,,18073;18077;18082,18082';

/** Line 1 a comment, line 2 the header, then the given rows from line 3. */
const file = (...rows: string[]) => ['# source: test', HEADER, ...rows].join('\n');

describe('parseUnitsCsv', () => {
  it('reads good rows, with defaults, lists and DD/MM/YYYY dates', () => {
    const parsed = parseUnitsCsv(file(PROVINCE, COMMUNE, 'S01,Sở Nội vụ,,,department,sở,42,2025-07-01,2030-12-31,,,'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.recordCount).toBe(3);
    expect(parsed.rows).toEqual([
      {
        line: 3,
        code: '42',
        nameVi: 'Hà Tĩnh',
        nameEn: 'Ha Tinh',
        fullNameVi: 'Tỉnh Hà Tĩnh',
        level: 'province',
        type: 'tỉnh',
        parentCode: null,
        validFrom: '2025-07-01',
        validTo: null,
        groupTags: ['region:Bắc Trung Bộ và duyên hải miền Trung', 'subregion:Bắc Trung Bộ'],
        mergedFrom: ['42'],
        mergedPartial: [],
      },
      {
        line: 4,
        code: '18073',
        nameVi: 'Thành Sen',
        nameEn: null,
        fullNameVi: 'Phường Thành Sen',
        level: 'commune',
        type: 'phường',
        parentCode: '42',
        validFrom: '2025-07-01',
        validTo: null,
        groupTags: [],
        mergedFrom: ['18073', '18077', '18082'],
        mergedPartial: ['18082'],
      },
      // full_name_vi defaults to name_vi.
      expect.objectContaining({ line: 5, code: 'S01', fullNameVi: 'Sở Nội vụ', validTo: '2030-12-31', level: 'department' }),
    ]);
  });

  // Each bad row is the commune row with one value changed; the row is on line 3.
  const commune = (changes: Partial<Record<(typeof UNIT_COLUMNS)[number], string>>) => {
    const values = Object.fromEntries(UNIT_COLUMNS.map((c, i) => [c, COMMUNE.split(',')[i]!]));
    return UNIT_COLUMNS.map((c) => changes[c] ?? values[c]).join(',');
  };
  it.each([
    ['no code', { code: '' }, 'code', 'required'],
    ['a code with a space', { code: '18 073' }, 'code', '"18 073" is not a unit code (letters, digits, . _ -; at most 32)'],
    ['no name', { name_vi: '' }, 'name_vi', 'required'],
    ['a name too long', { name_vi: 'x'.repeat(301) }, 'name_vi', 'longer than 300 characters'],
    ['no level', { level: '' }, 'level', 'required'],
    ['an unknown level', { level: 'ward' }, 'level', '"ward" is not one of province, district, commune, department, office'],
    ['no type', { type: '' }, 'type', 'required'],
    ['no parent below the province level', { parent_code: '' }, 'parent_code', 'required for a commune'],
    ['a parent for a province', { level: 'province' }, 'parent_code', 'must be empty for a province'],
    ['a parent code with bad characters', { parent_code: '4/2' }, 'parent_code', '"4/2" is not a unit code'],
    ['itself as parent', { parent_code: '18073' }, 'parent_code', 'a unit cannot be its own parent'],
    ['no valid_from', { valid_from: '' }, 'valid_from', 'required'],
    ['a date that does not exist', { valid_from: '31/06/2025' }, 'valid_from', '"31/06/2025" is not a date (YYYY-MM-DD or DD/MM/YYYY)'],
    ['a date in another format', { valid_from: '2025.07.01' }, 'valid_from', '"2025.07.01" is not a date (YYYY-MM-DD or DD/MM/YYYY)'],
    ['a bad valid_to', { valid_to: 'soon' }, 'valid_to', '"soon" is not a date (YYYY-MM-DD or DD/MM/YYYY)'],
    ['valid_to before valid_from', { valid_to: '2025-06-30' }, 'valid_to', '2025-06-30 is before valid_from 2025-07-01'],
    ['a tag without a kind', { group_tags: 'Bắc Trung Bộ' }, 'group_tags', '"Bắc Trung Bộ" is not kind:value (e.g. region:Tây Nguyên)'],
    ['a tag twice', { group_tags: 'region:A;region:A' }, 'group_tags', '"region:A" appears twice'],
    ['a bad predecessor code', { merged_from: '18073;x y', merged_partial: '' }, 'merged_from', '"x y" is not a unit code'],
    ['a predecessor twice', { merged_from: '18073;18073', merged_partial: '' }, 'merged_from', '"18073" appears twice'],
    ['a partial predecessor not in merged_from', { merged_partial: '99999' }, 'merged_partial', '"99999" is not in merged_from'],
  ])('refuses a row with %s, naming line 3 and the column', (_case, changes, column, reason) => {
    const parsed = parseUnitsCsv(file(commune(changes)));
    expect(parsed.errors).toEqual([{ line: 3, column, reason }]);
    expect(parsed.rows).toEqual([]);
    expect(parsed.recordCount).toBe(1);
  });

  it('reports every problem of every bad row, in line order, and keeps the good rows', () => {
    const parsed = parseUnitsCsv(file(PROVINCE, commune({ code: '', level: 'ward' }), '# note', commune({ valid_from: 'x' }), COMMUNE));
    expect(parsed.errors).toEqual([
      { line: 4, column: 'code', reason: 'required' },
      { line: 4, column: 'level', reason: '"ward" is not one of province, district, commune, department, office' },
      { line: 6, column: 'valid_from', reason: '"x" is not a date (YYYY-MM-DD or DD/MM/YYYY)' },
    ]);
    expect(parsed.rows.map((r) => r.line)).toEqual([3, 7]);
    expect([...parsed.invalidCodes]).toEqual(['18073']);
  });

  it('reports header problems alone', () => {
    const parsed = parseUnitsCsv(`# c\n${HEADER.replace('parent_code', 'parent')}\n${COMMUNE}\n`);
    expect(parsed.errors).toEqual([
      { line: 2, column: 'parent', reason: `unknown column (expected: ${HEADER})` },
      { line: 2, column: 'parent_code', reason: 'missing column in the header' },
    ]);
    expect(parsed.rows).toEqual([]);
  });
});

describe('readDate', () => {
  it.each([
    ['2025-07-01', '2025-07-01'],
    ['01/07/2025', '2025-07-01'],
    ['1/7/2025', '2025-07-01'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2025', null],
    ['2025-7-1', null],
    ['07/01/25', null],
    ['', null],
  ])('%j → %j', (cell, date) => {
    expect(readDate(cell)).toBe(date);
  });
});
