/**
 * SIPAS satisfaction shares (domain.md, "Formulas"):
 * - criterion share = answers at a satisfied level ÷ valid answers × 100 (blank and not-applicable excluded);
 * - component index = unweighted mean of its criterion shares;
 * - overall, by the spec's method: mean of component indices | pooled share over all scored items |
 *   respondent-level (mean over respondents of their own share satisfied).
 * Pure: no I/O, no clock.
 */

export type OverallMethod = 'mean-of-components' | 'pooled-items' | 'respondent-level';

export interface Tally {
  satisfied: number;
  valid: number;
}

export interface ComponentSpec {
  id: string;
  criteria: string[];
}

export interface CriterionScore extends Tally {
  id: string;
  share: number | null;
}

export interface ComponentScore {
  id: string;
  share: number | null;
  /** Valid answers over all the component's criteria. */
  n: number;
  criteria: CriterionScore[];
}

export function shareSatisfied({ satisfied, valid }: Tally): number | null {
  return valid === 0 ? null : (100 * satisfied) / valid;
}

/** Mean of the values that exist; null when none does. */
export function meanOfPresent(values: Array<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((sum, v) => sum + v, 0) / present.length;
}

export function scoreComponents(components: ComponentSpec[], tallies: ReadonlyMap<string, Tally>): ComponentScore[] {
  return components.map((component) => {
    const criteria = component.criteria.map((id) => {
      const tally = tallies.get(id) ?? { satisfied: 0, valid: 0 };
      return { id, ...tally, share: shareSatisfied(tally) };
    });
    return {
      id: component.id,
      share: meanOfPresent(criteria.map((c) => c.share)),
      n: criteria.reduce((sum, c) => sum + c.valid, 0),
      criteria,
    };
  });
}

/**
 * @param respondentShares each respondent's own share satisfied (0–100), for respondents with a valid answer;
 *   used only by the respondent-level method.
 */
export function overallIndex(
  method: OverallMethod,
  components: ComponentScore[],
  respondentShares: number[],
): number | null {
  switch (method) {
    case 'mean-of-components':
      return meanOfPresent(components.map((c) => c.share));
    case 'pooled-items': {
      const criteria = components.flatMap((c) => c.criteria);
      return shareSatisfied({
        satisfied: criteria.reduce((sum, c) => sum + c.satisfied, 0),
        valid: criteria.reduce((sum, c) => sum + c.valid, 0),
      });
    }
    case 'respondent-level':
      return meanOfPresent(respondentShares);
  }
}
