import { sortErrors, type ImportError } from './csv-table.ts';
import type { UnitImportRow } from './units.csv.ts';

/** A unit already in the registry, as the import compares it. Dates are YYYY-MM-DD. */
export interface RegistryUnit {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
  fullNameVi: string;
  level: string;
  type: string;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
  groupTags: string[];
}

export interface RegistryLink {
  predecessorId: number;
  successorId: number;
  kind: 'full' | 'partial';
}

/** A unit either already stored (id) or to be inserted from a row of this import (index into `rows`). */
export type UnitRef = { id: number } | { row: number };

export interface PlannedRow {
  row: UnitImportRow;
  /** The stored unit with the same code and valid_from, which this row updates. */
  existingId: number | null;
  parent: UnitRef | null;
  predecessors: Array<{ ref: UnitRef; kind: 'full' | 'partial' }>;
  unitChanged: boolean;
  lineageChanged: boolean;
  /** Inserts go in increasing depth so a parent that is new too gets its id first. */
  depth: number;
}

export interface UnitImportPlan {
  errors: ImportError[];
  /** One per input row, in the same order; only meaningful when there are no errors. */
  rows: PlannedRow[];
}

interface Candidate {
  ref: UnitRef;
  validFrom: string;
  validTo: string | null;
  /** The line of the import row, or null for a unit already in the registry. */
  line: number | null;
}

const END_OF_TIME = '9999-12-31';

/**
 * Pure: checks import rows against each other and against the registry, and decides what to write.
 * A code is unique only within a validity period, so each reference is resolved on a date: a parent is
 * the unit with parent_code valid on the row's valid_from (and it must last as long as the row); a
 * predecessor is the unit with that code valid the day before the row's valid_from. A row updates the
 * stored unit with the same (code, valid_from); its merged_from replaces that unit's predecessor links.
 */
export function planUnitImport(
  rows: UnitImportRow[],
  invalidCodes: ReadonlySet<string>,
  registry: RegistryUnit[],
  links: RegistryLink[],
): UnitImportPlan {
  const errors: ImportError[] = [];
  const fail = (row: UnitImportRow, column: string, reason: string) => errors.push({ line: row.line, column, reason });

  // The same (code, valid_from) twice in one file: the later line is refused.
  const rowByKey = new Map<string, number>();
  const accepted: number[] = [];
  rows.forEach((row, i) => {
    const first = rowByKey.get(key(row.code, row.validFrom));
    if (first !== undefined) fail(row, 'code', `same code and valid_from as line ${rows[first]!.line}`);
    else {
      rowByKey.set(key(row.code, row.validFrom), i);
      accepted.push(i);
    }
  });
  const acceptedSet = new Set(accepted);

  const existingByKey = new Map(registry.map((unit) => [key(unit.code, unit.validFrom), unit]));
  const candidates = new Map<string, Candidate[]>();
  const addCandidate = (code: string, candidate: Candidate) => {
    const list = candidates.get(code) ?? [];
    list.push(candidate);
    candidates.set(code, list);
  };
  for (const i of accepted) {
    const row = rows[i]!;
    addCandidate(row.code, { ref: { row: i }, validFrom: row.validFrom, validTo: row.validTo, line: row.line });
  }
  for (const unit of registry) {
    // A stored unit that a row updates is represented by that row.
    if (rowByKey.has(key(unit.code, unit.validFrom))) continue;
    addCandidate(unit.code, { ref: { id: unit.id }, validFrom: unit.validFrom, validTo: unit.validTo, line: null });
  }
  const findValidOn = (code: string, date: string) =>
    candidates.get(code)?.find((c) => c.validFrom <= date && date <= (c.validTo ?? END_OF_TIME));

  const planned: PlannedRow[] = rows.map((row) => ({
    row,
    existingId: existingByKey.get(key(row.code, row.validFrom))?.id ?? null,
    parent: null,
    predecessors: [],
    unitChanged: false,
    lineageChanged: false,
    depth: 0,
  }));

  for (const i of accepted) {
    const row = rows[i]!;
    const plan = planned[i]!;

    // Two units with one code may not be valid on the same day; the later line of a file is the one refused.
    for (const other of candidates.get(row.code) ?? []) {
      if ('row' in other.ref && other.ref.row === i) continue;
      if (other.line !== null && other.line > row.line) continue;
      if (row.validFrom <= (other.validTo ?? END_OF_TIME) && other.validFrom <= (row.validTo ?? END_OF_TIME)) {
        const where = other.line === null ? 'in the registry' : `line ${other.line}`;
        fail(row, 'valid_from', `period overlaps ${row.code} valid ${describePeriod(other)} (${where})`);
      }
    }

    if (row.parentCode) {
      const parent = findValidOn(row.parentCode, row.validFrom);
      if (!parent) {
        if (!invalidCodes.has(row.parentCode)) fail(row, 'parent_code', `no unit ${row.parentCode} valid on ${row.validFrom}`);
      } else if (parent.validTo !== null && (row.validTo === null || row.validTo > parent.validTo)) {
        fail(row, 'parent_code', `parent ${row.parentCode} ends on ${parent.validTo}, before this unit`);
      } else {
        plan.parent = parent.ref;
      }
    }

    const dayBefore = previousDay(row.validFrom);
    for (const code of row.mergedFrom) {
      const predecessor = findValidOn(code, dayBefore);
      if (!predecessor) {
        if (!invalidCodes.has(code)) fail(row, 'merged_from', `no unit ${code} valid on ${dayBefore}, the day before valid_from`);
        continue;
      }
      plan.predecessors.push({ ref: predecessor.ref, kind: row.mergedPartial.includes(code) ? 'partial' : 'full' });
    }
  }

  // Parent chains among new rows must end in a stored unit or a row without a parent.
  const depthOf = (i: number, seen: Set<number>): number | null => {
    const parent = planned[i]!.parent;
    if (!parent || 'id' in parent || planned[parent.row]!.existingId !== null) return 0;
    if (seen.has(parent.row)) return null;
    seen.add(parent.row);
    const depth = depthOf(parent.row, seen);
    return depth === null ? null : depth + 1;
  };
  for (const i of accepted) {
    const depth = depthOf(i, new Set([i]));
    if (depth === null) fail(rows[i]!, 'parent_code', 'parent chain leads back to this unit');
    else planned[i]!.depth = depth;
  }

  const idOf = (ref: UnitRef): number | 'new' => ('id' in ref ? ref.id : (planned[ref.row]!.existingId ?? 'new'));
  const storedById = new Map(registry.map((unit) => [unit.id, unit]));
  const linksBySuccessor = new Map<number, string[]>();
  for (const link of links) {
    const list = linksBySuccessor.get(link.successorId) ?? [];
    list.push(`${link.predecessorId}:${link.kind}`);
    linksBySuccessor.set(link.successorId, list);
  }
  for (const i of acceptedSet) {
    const plan = planned[i]!;
    const stored = plan.existingId === null ? undefined : storedById.get(plan.existingId);
    const parentId = plan.parent ? idOf(plan.parent) : null;
    plan.unitChanged = !stored || !sameUnit(stored, plan.row) || stored.parentId !== parentId;
    const wanted = plan.predecessors.map((p) => `${idOf(p.ref)}:${p.kind}`);
    const have = plan.existingId === null ? [] : (linksBySuccessor.get(plan.existingId) ?? []);
    plan.lineageChanged = !sameSet(wanted, have);
  }

  // Refs index into `rows`; with errors nothing is written, so refused rows need no marking.
  return { errors: sortErrors(errors), rows: planned };
}

function sameUnit(stored: RegistryUnit, row: UnitImportRow): boolean {
  return (
    stored.nameVi === row.nameVi &&
    stored.nameEn === row.nameEn &&
    stored.fullNameVi === row.fullNameVi &&
    stored.level === row.level &&
    stored.type === row.type &&
    stored.validTo === row.validTo &&
    stored.groupTags.length === row.groupTags.length &&
    stored.groupTags.every((tag, i) => tag === row.groupTags[i])
  );
}

function sameSet(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(b);
  return a.every((item) => set.has(item));
}

function key(code: string, validFrom: string): string {
  return `${code}\u0000${validFrom}`;
}

function describePeriod(c: Candidate): string {
  return `${c.validFrom} to ${c.validTo ?? 'today'}`;
}

/** The calendar day before a YYYY-MM-DD date. */
export function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
