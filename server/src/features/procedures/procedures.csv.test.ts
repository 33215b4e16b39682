import { describe, expect, it } from 'vitest';
import { parseProceduresCsv, PROCEDURE_COLUMNS } from './procedures.csv.ts';

const HEADER = PROCEDURE_COLUMNS.join(',');
const BIRTH =
  '1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Bộ Tư pháp,Ủy ban nhân dân cấp xã,STANDARD,UPDATED,https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd';
/** Lines 1–2 comments, line 3 the header, rows from line 4. */
const file = (...rows: string[]) => ['# source: test', '# second note', HEADER, ...rows].join('\r\n');

const change = (changes: Partial<Record<(typeof PROCEDURE_COLUMNS)[number], string>>) => {
  const values = BIRTH.split(',');
  return PROCEDURE_COLUMNS.map((c, i) => changes[c] ?? values[i]).join(',');
};

describe('parseProceduresCsv', () => {
  it('reads a good row; blank optional values are null; quoted values keep their commas', () => {
    const parsed = parseProceduresCsv(file(BIRTH, '1.004222,Đăng ký thường trú,"Đăng ký, quản lý cư trú",Bộ Công an,,,,'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        line: 4,
        code: '1.001193',
        nameVi: 'Thủ tục đăng ký khai sinh',
        field: 'Hộ tịch',
        promulgatingAgency: 'Bộ Tư pháp',
        executingAgency: 'Ủy ban nhân dân cấp xã',
        catalogueType: 'STANDARD',
        state: 'UPDATED',
        portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd',
      },
      {
        line: 5,
        code: '1.004222',
        nameVi: 'Đăng ký thường trú',
        field: 'Đăng ký, quản lý cư trú',
        promulgatingAgency: 'Bộ Công an',
        executingAgency: null,
        catalogueType: null,
        state: null,
        portalUrl: null,
      },
    ]);
  });

  it.each([
    ['no code', change({ code: '' }), 'code', 'required'],
    ['a code not in the national form', change({ code: '1001193' }), 'code', '"1001193" is not a procedure code such as 1.001193'],
    ['no name', change({ name_vi: '' }), 'name_vi', 'required'],
    ['no field', change({ field: '' }), 'field', 'required'],
    ['a portal address that is not http(s)', change({ portal_url: 'javascript:alert(1)' }), 'portal_url', '"javascript:alert(1)" is not an http(s) address'],
    ['a name too long', change({ name_vi: 'x'.repeat(4001) }), 'name_vi', 'longer than 4000 characters'],
  ])('refuses a row with %s, naming line 4 and the column', (_case, bad, column, reason) => {
    const parsed = parseProceduresCsv(file(bad));
    expect(parsed.errors).toEqual([{ line: 4, column, reason }]);
    expect(parsed.rows).toEqual([]);
  });

  it('refuses the second row with a code already in the file', () => {
    const parsed = parseProceduresCsv(file(BIRTH, '# note', change({ name_vi: 'again' })));
    expect(parsed.errors).toEqual([{ line: 6, column: 'code', reason: '1.001193 is already on line 4' }]);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.recordCount).toBe(2);
  });
});
