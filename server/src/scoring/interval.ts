/**
 * 95 % confidence intervals for SIPAS shares, in percent (0–100). Pure: no I/O, no clock.
 * Every method here treats answers as a simple random sample of the unit's users; none knows the design
 * effect of the real sampling, so read the intervals as a floor on the uncertainty, not a guarantee.
 */
import type { Tally } from './satisfaction.ts';

/** Φ⁻¹(0.975): the two-sided 95 % normal quantile. */
export const Z95 = 1.959963984540054;

/** Lower and upper limits in percent. */
export interface Interval {
  low: number;
  high: number;
}

const toPercent = (low: number, high: number): Interval => ({
  low: 100 * Math.max(0, low),
  high: 100 * Math.min(1, high),
});

/**
 * Wilson score interval for one binomial proportion p̂ = x/n (Wilson 1927, JASA 22:209; preferred to the
 * Wald interval by Brown, Cai & DasGupta 2001, Statist. Sci. 16:101):
 *   centre = (p̂ + z²/2n) / (1 + z²/n),   half-width = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
 * Stays inside [0, 100] and keeps a non-zero width at 0 % and 100 %. Null without valid answers.
 */
export function wilsonInterval({ satisfied, valid }: Tally, z = Z95): Interval | null {
  const limits = wilsonLimits(satisfied, valid, z);
  return limits && toPercent(limits[0], limits[1]);
}

function wilsonLimits(x: number, n: number, z: number): [number, number] | null {
  if (n === 0) return null;
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export interface WeightedTally {
  weight: number;
  tally: Tally;
}

/**
 * MOVER-Wilson interval for θ = Σ wᵢ·pᵢ, a weighted sum of proportions (wᵢ ≥ 0) treated as
 * **independent** (Zou & Donner 2008, Stat. Med. 27:1693, "method of variance estimates recovery";
 * Newcombe 1998, Stat. Med. 17:873, for a difference of two). With (lᵢ, uᵢ) the Wilson limits of pᵢ:
 *   L = θ̂ − √Σ wᵢ²(p̂ᵢ − lᵢ)²,   U = θ̂ + √Σ wᵢ²(uᵢ − p̂ᵢ)².
 * With one term it is that term's Wilson interval; with weights summing to 1 it stays within [Σwᵢlᵢ, Σwᵢuᵢ],
 * so inside [0, 100]. Terms without valid answers must be left out by the caller (their weight is undefined).
 * Criteria answered by the same respondents are positively correlated, so the true interval is wider.
 */
export function moverWilsonInterval(terms: readonly WeightedTally[], z = Z95): Interval | null {
  if (terms.length === 0) return null;
  let estimate = 0;
  let below = 0;
  let above = 0;
  for (const { weight, tally } of terms) {
    const limits = wilsonLimits(tally.satisfied, tally.valid, z);
    if (!limits || weight < 0) throw new RangeError('MOVER needs non-negative weights on tallies with valid answers');
    const p = tally.satisfied / tally.valid;
    estimate += weight * p;
    below += (weight * (p - limits[0])) ** 2;
    above += (weight * (limits[1] - p)) ** 2;
  }
  return toPercent(estimate - Math.sqrt(below), estimate + Math.sqrt(above));
}

/**
 * Normal-approximation interval for the mean of n values in [0, 100] known only by their sums
 * S₁ = Σ yᵢ and S₂ = Σ yᵢ²:  ȳ = S₁/n,  s² = (S₂ − S₁²/n)/(n − 1),  ȳ ± z·s/√n, clipped to [0, 100].
 * Null below n = 2 (no variance). Degenerate (zero width) when every value is equal, e.g. all 100 %;
 * unreliable for small n, which minSampleToRank flags anyway.
 */
export function meanInterval(n: number, sum: number, sumOfSquares: number, z = Z95): Interval | null {
  if (n < 2) return null;
  const mean = sum / n;
  // Cancellation can leave a tiny negative where the true variance is 0.
  const variance = Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1));
  const half = z * Math.sqrt(variance / n);
  return { low: Math.max(0, mean - half), high: Math.min(100, mean + half) };
}
