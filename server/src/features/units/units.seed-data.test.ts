import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvTable } from './csv-table.ts';
import { parseUnitRecords } from './units.csv.ts';
import { planUnitImport } from './units.import-plan.ts';
import { buildSeedRecords, type SeedSources } from './units.seed-data.ts';
import { SEED_DATA_DIR } from './units.seed.ts';

const read = (name: string) => fs.readFileSync(path.join(SEED_DATA_DIR, name), 'utf8');
const sources: SeedSources = {
  provinces63: read('provinces-63.csv'),
  provinces34: read('provinces-34.csv'),
  unitsSample: read('units-sample.csv'),
};
const seed = buildSeedRecords(sources);
const parsed = parseUnitRecords(seed.records);
const byKey = (code: string, validFrom: string) => parsed.rows.find((r) => r.code === code && r.validFrom === validFrom);

describe('the unit seed built from server/data', () => {
  it('is valid and consistent as an import into an empty registry', () => {
    expect(parsed.errors).toEqual([]);
    expect(planUnitImport(parsed.rows, new Set(), [], []).errors).toEqual([]);
  });

  it('holds 63 provinces until 30/06/2025 and 34 from 01/07/2025', () => {
    const provinces = parsed.rows.filter((r) => r.level === 'province');
    expect(provinces.filter((r) => r.validFrom === '1900-01-01' && r.validTo === '2025-06-30')).toHaveLength(63);
    expect(provinces.filter((r) => r.validFrom === '2025-07-01' && r.validTo === null)).toHaveLength(34);
  });

  it('agrees with merged_into_2025 of the 63-province file (the crosswalk read from both sides)', () => {
    const into = new Map(readCsvTable(sources.provinces63, ['code', 'name_vi', 'full_name_vi', 'name_en', 'type', 'region', 'subregion', 'merged_into_2025'])
      .records.map((r) => [r.values.code!, r.values.merged_into_2025!]));
    const fromNew = parsed.rows.filter((r) => r.level === 'province' && r.validFrom === '2025-07-01').flatMap((r) => r.mergedFrom.map((old) => [old, r.code]));
    expect(fromNew).toHaveLength(63);
    for (const [old, successor] of fromNew) expect(into.get(old!)).toBe(successor);
  });

  it.each([
    ['Lào Cai (15) from Lào Cai (10) and Yên Bái (15)', '15', ['10', '15']],
    ['Cần Thơ (92) from Cần Thơ, Hậu Giang (93) and Sóc Trăng (94)', '92', ['92', '93', '94']],
    ['Hà Tĩnh (42) from itself', '42', ['42']],
  ])('links %s', (_case, code, predecessors) => {
    expect(byKey(code, '2025-07-01')!.mergedFrom).toEqual(predecessors);
  });

  it('tags a new province with a region only where all its predecessors share it', () => {
    expect(byKey('92', '2025-07-01')!.groupTags).toEqual(['region:Đồng bằng sông Cửu Long']);
    // Bắc Ninh (24) joined Bắc Giang (Trung du và miền núi phía Bắc) and Bắc Ninh (Đồng bằng sông Hồng).
    expect(byKey('24', '2025-07-01')!.groupTags).toEqual([]);
    expect(byKey('42', '1900-01-01')!.groupTags).toEqual(['region:Bắc Trung Bộ và duyên hải miền Trung', 'subregion:Bắc Trung Bộ']);
  });

  it('holds the Cần Thơ and Hà Tĩnh hierarchies before and after the reform', () => {
    const count = (parent: string, level: string, validFrom: string) =>
      parsed.rows.filter((r) => r.parentCode === parent && r.level === level && r.validFrom === validFrom).length;
    // Counted in units-sample.csv: 9 and 12 districts before; 103 and 69 communes after.
    expect([count('92', 'district', '1900-01-01'), count('42', 'district', '1900-01-01')]).toEqual([9, 12]);
    expect([count('92', 'commune', '2025-07-01'), count('42', 'commune', '2025-07-01')]).toEqual([103, 69]);
    expect(byKey('916', '1900-01-01')).toMatchObject({ nameVi: 'Ninh Kiều', fullNameVi: 'Quận Ninh Kiều', type: 'quận', parentCode: '92' });
    // Phường Cái Khế (new 31120) ← Cái Khế 31117, An Hòa 31120, and part of Bùi Hữu Nghĩa 31178.
    expect(byKey('31120', '2025-07-01')).toMatchObject({ nameVi: 'Cái Khế', mergedFrom: ['31117', '31120', '31178'], mergedPartial: ['31178'] });
  });

  it('leaves out only predecessors that are not in the data (old communes of Hậu Giang and Sóc Trăng)', () => {
    const before = new Set(parsed.rows.filter((r) => r.validFrom === '1900-01-01').map((r) => r.code));
    const missing = seed.omittedPredecessors.flatMap((o) => o.missing);
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.filter((code) => before.has(code))).toEqual([]);
    // Only Cần Thơ absorbed units outside the sample; its commune codes start with 31.
    expect(seed.omittedPredecessors.every((o) => o.code.startsWith('31'))).toBe(true);
  });
});
