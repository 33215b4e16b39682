import { describe, expect, it } from 'vitest';
import { planSources, type LineageUnit, type Predecessor } from './history.ts';

const unit = (id: number, code: string, validFrom: string, validTo: string | null = null): LineageUnit => ({ id, code, nameVi: code, validFrom, validTo });
const link = (u: LineageUnit, kind: Predecessor['kind'] = 'full'): Predecessor => ({ ...u, kind });

// The 2025 merger: Cần Thơ (new, 4) from Cần Thơ (old, 1), Hậu Giang (2), Sóc Trăng (3).
const oldCanTho = unit(1, '92', '2000-01-01', '2025-06-30');
const hauGiang = unit(2, '93', '2000-01-01', '2025-06-30');
const socTrang = unit(3, '94', '2000-01-01', '2025-06-30');
const newCanTho = unit(4, '92', '2025-07-01');
const lineage = new Map<number, Predecessor[]>([[4, [link(oldCanTho), link(hauGiang), link(socTrang)]]]);
const predecessorsOf = async (id: number) => lineage.get(id) ?? [];

describe('planSources', () => {
  it('reads a unit alone over a range after it began', async () => {
    expect(await planSources(newCanTho, { from: '2025-07-01', to: '2025-12-31' }, predecessorsOf)).toEqual({
      parts: [{ unitIds: [4], range: { from: '2025-07-01', to: '2025-12-31' }, derived: false }],
      derivation: null,
    });
  });

  it('re-aggregates the part before the merger from all predecessors together, flagged derived', async () => {
    const plan = await planSources(newCanTho, { from: '2025-01-01', to: '2025-12-31' }, predecessorsOf);
    expect(plan.parts).toEqual([
      { unitIds: [4], range: { from: '2025-01-01', to: '2025-12-31' }, derived: false },
      { unitIds: [1, 2, 3], range: { from: '2025-01-01', to: '2025-06-30' }, derived: true },
    ]);
    expect(plan.derivation).toMatchObject({ from: '2025-01-01', to: '2025-06-30', partial: false });
    expect(plan.derivation!.predecessors.map((p) => p.code)).toEqual(['92', '93', '94']);
  });

  it('reads a period wholly before the merger from the predecessors', async () => {
    const plan = await planSources(newCanTho, { from: '2024-01-01', to: '2024-12-31' }, predecessorsOf);
    expect(plan.parts[1]).toEqual({ unitIds: [1, 2, 3], range: { from: '2024-01-01', to: '2024-12-31' }, derived: true });
  });

  it('follows a chain of predecessors, each over the time before it began, and notes a partial one', async () => {
    const a = unit(10, 'A', '2010-01-01', '2019-12-31');
    const b = unit(11, 'B', '2020-01-01', '2025-06-30');
    const c = unit(12, 'C', '2025-07-01');
    const chain = new Map<number, Predecessor[]>([
      [12, [link(b, 'partial')]],
      [11, [link(a)]],
    ]);
    const plan = await planSources(c, { from: '2019-01-01', to: '2025-12-31' }, async (id) => chain.get(id) ?? []);
    expect(plan.parts).toEqual([
      { unitIds: [12], range: { from: '2019-01-01', to: '2025-12-31' }, derived: false },
      { unitIds: [11], range: { from: '2019-01-01', to: '2025-06-30' }, derived: true },
      { unitIds: [10], range: { from: '2019-01-01', to: '2019-12-31' }, derived: true },
    ]);
    expect(plan.derivation).toMatchObject({ from: '2019-01-01', to: '2025-06-30', partial: true });
  });

  it('reads a predecessor reached along two paths once, and stops at a cycle', async () => {
    const shared = unit(20, 'S', '2000-01-01', '2025-06-30');
    const x = unit(21, 'X', '2020-01-01');
    const y = unit(22, 'Y', '2025-07-01');
    const graph = new Map<number, Predecessor[]>([
      [22, [link(x), link(shared)]],
      [21, [link(shared), link(y)]],
    ]);
    const plan = await planSources(y, { from: '2019-01-01', to: '2025-12-31' }, async (id) => graph.get(id) ?? []);
    expect(plan.parts).toEqual([
      { unitIds: [22], range: { from: '2019-01-01', to: '2025-12-31' }, derived: false },
      { unitIds: [21, 20], range: { from: '2019-01-01', to: '2025-06-30' }, derived: true },
    ]);
    expect(plan.derivation!.predecessors.map((p) => p.code)).toEqual(['S', 'X']);
  });
});
