import { describe, expect, it } from 'vitest';
import { parseProvincesCsv } from './units.seed.ts';

describe('parseProvincesCsv', () => {
  it('skips source comments and keeps leading zeros', () => {
    const rows = parseProvincesCsv(
      '# source: somewhere\ncode,name_vi,full_name_vi,name_en,type\n01,Hà Nội,Thành phố Hà Nội,Ha Noi,thành phố trực thuộc trung ương\n',
    );
    expect(rows).toEqual([
      { code: '01', name_vi: 'Hà Nội', full_name_vi: 'Thành phố Hà Nội', name_en: 'Ha Noi', type: 'thành phố trực thuộc trung ương' },
    ]);
  });

  it('fails on a row with too many fields, naming the row', () => {
    expect(() => parseProvincesCsv('code,name_vi\n01,A,extra\n')).toThrow(/row 0/);
  });
});
