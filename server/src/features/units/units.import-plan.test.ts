import { describe, expect, it } from 'vitest';
import type { UnitImportRow } from './units.csv.ts';
import { planUnitImport, previousDay, type RegistryLink, type RegistryUnit } from './units.import-plan.ts';

// A registry like the real one around Lào Cai: old 10 (Lào Cai) and old 15 (Yên Bái) ended 30/06/2025;
// the new 15 (Lào Cai) starts 01/07/2025 and was formed from both.
const stored = (id: number, code: string, validFrom: string, validTo: string | null, extra: Partial<RegistryUnit> = {}): RegistryUnit => ({
  id,
  code,
  nameVi: `Unit ${code}`,
  nameEn: null,
  fullNameVi: `Unit ${code}`,
  level: 'province',
  type: 'tỉnh',
  parentId: null,
  validFrom,
  validTo,
  groupTags: [],
  ...extra,
});
const REGISTRY = [stored(1, '10', '1900-01-01', '2025-06-30'), stored(2, '15', '1900-01-01', '2025-06-30'), stored(3, '15', '2025-07-01', null)];
const LINKS: RegistryLink[] = [
  { predecessorId: 1, successorId: 3, kind: 'full' },
  { predecessorId: 2, successorId: 3, kind: 'full' },
];

let nextLine = 3;
const row = (code: string, extra: Partial<UnitImportRow> = {}): UnitImportRow => ({
  line: nextLine++,
  code,
  nameVi: `Unit ${code}`,
  nameEn: null,
  fullNameVi: `Unit ${code}`,
  level: 'commune',
  type: 'xã',
  parentCode: '15',
  validFrom: '2025-07-01',
  validTo: null,
  groupTags: [],
  mergedFrom: [],
  mergedPartial: [],
  ...extra,
});
/** The stored new Lào Cai exactly as the registry holds it. */
const newLaoCai = (extra: Partial<UnitImportRow> = {}) =>
  row('15', { level: 'province', type: 'tỉnh', parentCode: null, mergedFrom: ['10', '15'], ...extra });

const plan = (rows: UnitImportRow[], invalidCodes: string[] = []) => planUnitImport(rows, new Set(invalidCodes), REGISTRY, LINKS);

describe('planUnitImport: references are resolved within the right period', () => {
  it('takes as parent the unit with that code valid on valid_from (new 15 from 2025, old 15 before)', () => {
    const result = plan([row('A'), row('B', { validFrom: '2020-01-01', validTo: '2025-06-30' })]);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((p) => p.parent)).toEqual([{ id: 3 }, { id: 2 }]);
    expect(result.rows.every((p) => p.existingId === null && p.unitChanged && p.depth === 0)).toBe(true);
  });

  it('takes a parent from the same file and inserts it first', () => {
    const result = plan([row('C1', { parentCode: 'D1' }), row('D1', { level: 'district', type: 'huyện' })]);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((p) => [p.parent, p.depth])).toEqual([
      [{ row: 1 }, 1],
      [{ id: 3 }, 0],
    ]);
  });

  it('takes as predecessor the unit valid the day before valid_from: 15 ← old 10 (partly) and old 15', () => {
    const result = plan([row('C2', { mergedFrom: ['10', '15'], mergedPartial: ['10'] })]);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]!.predecessors).toEqual([
      { ref: { id: 1 }, kind: 'partial' },
      { ref: { id: 2 }, kind: 'full' },
    ]);
    expect(result.rows[0]!.lineageChanged).toBe(true);
  });

  it.each([
    ['no parent on that date', row('E', { validFrom: '1850-01-01' }), 'parent_code', 'no unit 15 valid on 1850-01-01'],
    [
      'a parent that ends first',
      row('E', { validFrom: '2020-01-01' }),
      'parent_code',
      'parent 15 ends on 2025-06-30, before this unit',
    ],
    [
      'an unknown predecessor',
      row('E', { mergedFrom: ['10', '77'] }),
      'merged_from',
      'no unit 77 valid on 2025-06-30, the day before valid_from',
    ],
    [
      'a predecessor that no longer existed the day before',
      row('E', { validFrom: '2025-08-01', mergedFrom: ['10'] }),
      'merged_from',
      'no unit 10 valid on 2025-07-31, the day before valid_from',
    ],
    [
      'a period overlapping a stored unit with the same code',
      row('10', { level: 'province', parentCode: null, validFrom: '2025-01-01' }),
      'valid_from',
      'period overlaps 10 valid 1900-01-01 to 2025-06-30 (in the registry)',
    ],
  ])('refuses %s', (_case, bad, column, reason) => {
    const result = plan([row('OK'), bad]);
    expect(result.errors).toEqual([{ line: bad.line, column, reason }]);
  });

  it('refuses the later of two rows with the same code and valid_from', () => {
    const first = row('F');
    const second = row('F', { nameVi: 'other' });
    expect(plan([first, second]).errors).toEqual([{ line: second.line, column: 'code', reason: `same code and valid_from as line ${first.line}` }]);
  });

  it('refuses the later of two rows whose periods overlap', () => {
    const first = row('G', { validFrom: '2025-07-01', validTo: '2025-12-31' });
    const second = row('G', { validFrom: '2025-12-01' });
    expect(plan([first, second]).errors).toEqual([
      { line: second.line, column: 'valid_from', reason: `period overlaps G valid 2025-07-01 to 2025-12-31 (line ${first.line})` },
    ]);
  });

  it('accepts consecutive periods of one code', () => {
    const result = plan([row('H', { validTo: '2025-12-31' }), row('H', { validFrom: '2026-01-01', mergedFrom: ['H'] })]);
    expect(result.errors).toEqual([]);
    expect(result.rows[1]!.predecessors).toEqual([{ ref: { row: 0 }, kind: 'full' }]);
  });

  it('refuses a parent chain that leads back to itself', () => {
    const a = row('J', { parentCode: 'K', level: 'department' });
    const b = row('K', { parentCode: 'J', level: 'department' });
    expect(plan([a, b]).errors).toEqual([
      { line: a.line, column: 'parent_code', reason: 'parent chain leads back to this unit' },
      { line: b.line, column: 'parent_code', reason: 'parent chain leads back to this unit' },
    ]);
  });

  it('does not report a reference to a row that has its own errors', () => {
    expect(plan([row('L', { parentCode: 'BAD', mergedFrom: ['BAD'] })], ['BAD']).errors).toEqual([]);
  });
});

describe('planUnitImport: what changes', () => {
  it('leaves a row equal to its stored unit, with the same predecessors, unchanged', () => {
    const [planned] = plan([newLaoCai()]).rows;
    expect(planned).toMatchObject({ existingId: 3, unitChanged: false, lineageChanged: false });
  });

  it.each([
    ['a name', { nameVi: 'Lào Cai' }, true, false],
    ['an end date', { validTo: '2030-12-31' }, true, false],
    ['a group tag', { groupTags: ['region:Trung du và miền núi phía Bắc'] }, true, false],
    ['a predecessor less', { mergedFrom: ['10'] }, false, true],
    ['a predecessor now partial', { mergedPartial: ['10'] }, false, true],
  ])('updates a stored unit when %s changes', (_case, change, unitChanged, lineageChanged) => {
    const [planned] = plan([newLaoCai(change)]).rows;
    expect(planned).toMatchObject({ existingId: 3, unitChanged, lineageChanged });
  });

  it('updates a stored unit whose parent changes to a new unit of the file', () => {
    const registry = [...REGISTRY, stored(4, 'X', '2025-07-01', null, { level: 'commune', type: 'xã', parentId: 3 })];
    const result = planUnitImport([row('X', { parentCode: 'D2' }), row('D2', { level: 'district' })], new Set(), registry, LINKS);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ existingId: 4, parent: { row: 1 }, unitChanged: true });
  });
});

describe('previousDay', () => {
  it.each([
    ['2025-07-01', '2025-06-30'],
    ['2025-01-01', '2024-12-31'],
    ['2024-03-01', '2024-02-29'],
  ])('%s → %s', (date, before) => {
    expect(previousDay(date)).toBe(before);
  });
});
