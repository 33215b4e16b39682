/**
 * Which units' tallies make up a unit's figures over a date range, across the 2025 mergers (issue #5, point 4).
 *
 * A unit counts its own responses over the whole range. For the part of the range before the unit existed
 * (before its valid_from), its figures are re-aggregated from its predecessors (unit_lineage), each over that
 * part, and flagged derived; a predecessor that itself began inside that part brings in its own predecessors
 * the same way. A partial predecessor (a unit split between several successors) counts with all its
 * responses toward each successor that names it: the responses carry no finer location, so the derived
 * figure describes the whole predecessor, and the plan says so (`partial`).
 * Pure apart from the lookup of predecessors it is given.
 */
import type { DateRange } from '../aggregates/period-slices.ts';
import { addDays } from './period.ts';

export interface LineageUnit {
  id: number;
  code: string;
  nameVi: string;
  validFrom: string;
  validTo: string | null;
}

export interface Predecessor extends LineageUnit {
  kind: 'full' | 'partial';
}

/** Units whose tallies are read together (a unit counted once) over one range. */
export interface SourcePart {
  unitIds: number[];
  range: DateRange;
  derived: boolean;
}

export interface Derivation extends DateRange {
  /** Some predecessor was split between several successors: all of its responses count here. */
  partial: boolean;
  predecessors: Predecessor[];
}

export interface SourcePlan {
  parts: SourcePart[];
  /** Null when no part of the range is derived. */
  derivation: Derivation | null;
}

/** Predecessor chains deeper than this are not followed (the registry has one level: the 2025 reform). */
const MAX_DEPTH = 4;

export async function planSources(
  unit: LineageUnit,
  range: DateRange,
  predecessorsOf: (unitId: number) => Promise<Predecessor[]>,
): Promise<SourcePlan> {
  // Every range read starts on range.from, so a unit reached along several paths is read once, up to the
  // latest day any path needs (its ranges are prefixes of one another).
  const until = new Map<number, { to: string; derived: boolean }>();
  const used = new Map<number, Predecessor>();
  const visit = async (current: LineageUnit, within: DateRange, derived: boolean, depth: number, seen: ReadonlySet<number>) => {
    const known = until.get(current.id);
    if (!known || known.to < within.to) until.set(current.id, { to: within.to, derived });
    if (within.from >= current.validFrom || depth >= MAX_DEPTH) return;
    const before = { from: within.from, to: minDate(within.to, addDays(current.validFrom, -1)) };
    for (const predecessor of await predecessorsOf(current.id)) {
      if (seen.has(predecessor.id)) continue;
      used.set(predecessor.id, predecessor);
      await visit(predecessor, before, true, depth + 1, new Set([...seen, predecessor.id]));
    }
  };
  await visit(unit, range, false, 0, new Set([unit.id]));

  const parts: SourcePart[] = [];
  for (const [unitId, { to, derived }] of until) addPart(parts, unitId, { from: range.from, to }, derived);
  const derivedParts = parts.filter((part) => part.derived);
  if (derivedParts.length === 0) return { parts, derivation: null };
  const predecessors = [...used.values()].sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.code.localeCompare(b.code));
  return {
    parts,
    derivation: {
      from: derivedParts.map((p) => p.range.from).reduce(minDate),
      to: derivedParts.map((p) => p.range.to).reduce((a, b) => (a > b ? a : b)),
      partial: predecessors.some((p) => p.kind === 'partial'),
      predecessors,
    },
  };
}

/** Units with the same range and flag are read in one query. */
function addPart(parts: SourcePart[], unitId: number, range: DateRange, derived: boolean): void {
  const same = parts.find((p) => p.derived === derived && p.range.from === range.from && p.range.to === range.to);
  if (same) same.unitIds.push(unitId);
  else parts.push({ unitIds: [unitId], range, derived });
}

const minDate = (a: string, b: string) => (a < b ? a : b);
