/**
 * SIPAS point estimates (domain.md, "Formulas"): criterion share = answers at a satisfied level ÷ valid
 * answers × 100, blank and not-applicable excluded. Components and overall are in unit-score.ts.
 * Pure: no I/O, no clock.
 */

/** Counts for one criterion at one unit: answers at a satisfied level, and valid answers (1–5, not n/a or blank). */
export interface Tally {
  satisfied: number;
  valid: number;
}

export function shareSatisfied({ satisfied, valid }: Tally): number | null {
  return valid === 0 ? null : (100 * satisfied) / valid;
}

/** Mean of the values that exist; null when none does. */
export function meanOfPresent(values: Array<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((sum, v) => sum + v, 0) / present.length;
}

/** Throws on counts that cannot come from real answers, so that a mixed-up aggregate fails loudly. */
export function checkTally(id: string, { satisfied, valid }: Tally): void {
  if (!Number.isInteger(satisfied) || !Number.isInteger(valid) || satisfied < 0 || satisfied > valid) {
    throw new RangeError(`Criterion ${id}: need integers 0 ≤ satisfied ≤ valid, got ${satisfied}/${valid}`);
  }
}
