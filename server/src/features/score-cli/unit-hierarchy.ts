import type { UnitImportRow } from '../units/units.csv.ts';

/** A unit of the units file: one code in one validity period. */
export interface HierarchyUnit {
  code: string;
  nameVi: string;
  level: string;
  validFrom: string;
  validTo: string | null;
  parent: HierarchyUnit | null;
}

const validOn = (unit: { validFrom: string; validTo: string | null }, date: string) =>
  unit.validFrom <= date && (unit.validTo === null || unit.validTo >= date);

/**
 * Pure: the units of a file in the `npm run units:import` layout, linked to their parents as the import links
 * them (the parent is the unit with parent_code valid on the child's valid_from). `unitOn(code, date)` finds
 * the unit a response names (codes are reused, so by date); `ancestorsOf` walks up.
 */
export function buildHierarchy(rows: readonly UnitImportRow[]): {
  unitOn: (code: string, date: string) => HierarchyUnit | undefined;
  problems: Array<{ line: number; column: string; reason: string }>;
} {
  const byCode = new Map<string, HierarchyUnit[]>();
  const units = rows.map((row) => {
    const unit: HierarchyUnit = { code: row.code, nameVi: row.nameVi, level: row.level, validFrom: row.validFrom, validTo: row.validTo, parent: null };
    byCode.set(row.code, [...(byCode.get(row.code) ?? []), unit]);
    return unit;
  });
  const unitOn = (code: string, date: string) => byCode.get(code)?.find((unit) => validOn(unit, date));
  const problems: Array<{ line: number; column: string; reason: string }> = [];
  rows.forEach((row, i) => {
    if (row.parentCode === null) return;
    const parent = unitOn(row.parentCode, row.validFrom);
    if (parent) units[i]!.parent = parent;
    else problems.push({ line: row.line, column: 'parent_code', reason: `no unit ${row.parentCode} valid on ${row.validFrom} in the file` });
  });
  rows.forEach((row, i) => {
    if (ancestorsOf(units[i]!).at(-1)!.parent !== null) {
      problems.push({ line: row.line, column: 'parent_code', reason: 'its parents form a cycle' });
    }
  });
  return { unitOn, problems };
}

/** The unit itself, then its parent, up to the top; stops before a unit seen already (a cycle). */
export function ancestorsOf(unit: HierarchyUnit): HierarchyUnit[] {
  const chain: HierarchyUnit[] = [];
  for (let u: HierarchyUnit | null = unit; u !== null && !chain.includes(u); u = u.parent) chain.push(u);
  return chain;
}
