import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

// tally_add (migration 0011) takes a shortcut for the vectors a batch adds (few slots, small counts). Whatever
// path it takes, it must return the elementwise sum of its plain definition: a missing or null element is 0.

type Vector = Array<number | null>;

const elementwiseSum = (a: Vector, b: Vector): number[] =>
  Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0));

const literal = (v: Vector) => `{${v.map((x) => (x === null ? 'NULL' : String(x))).join(',')}}`;

/** A deterministic generator, so a failure names a case that can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Vectors like a stored row and a batch's delta: mostly zeros, counts 1..6, sometimes negative, null or uneven. */
function cases(): Array<[string, Vector, Vector]> {
  const next = random(7);
  const pick = <T,>(values: T[]) => values[Math.floor(next() * values.length)]!;
  const out: Array<[string, Vector, Vector]> = [
    ['empty', [], []],
    ['empty stored row', [], [0, 1, 0]],
    ['shorter delta', [1, 2, 3, 4], [1, 1]],
    ['null in the stored row', [null, 2, 0], [0, 1, 0]],
    ['null in the delta', [1, 2, 3], [1, null, 1]],
    ['only zeros', [5, 0, 7], [0, 0, 0]],
  ];
  for (let n = 0; n < 200; n++) {
    const size = pick([6, 12, 174]);
    const maxCount = pick([1, 2, 4, 5, 6]);
    const negative = next() < 0.15;
    const stored: Vector = Array.from({ length: size }, () => Math.floor(next() * 1000));
    const delta: Vector = Array.from({ length: size }, () => {
      if (next() < 0.8) return 0;
      const count = 1 + Math.floor(next() * maxCount);
      return negative && next() < 0.5 ? -count : count;
    });
    out.push([`random ${n} (size ${size}, counts up to ${maxCount}${negative ? ', negatives' : ''})`, stored, delta]);
  }
  return out;
}

describe.each(testDrivers())('tally_add on %s PostgreSQL', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t.close());

  it('returns the elementwise sum for every kind of vector', async () => {
    const wrong: string[] = [];
    for (const [name, a, b] of cases()) {
      const { rows } = await sql<{ sum: number[] }>`select tally_add(${literal(a)}::int[], ${literal(b)}::int[]) as sum`.execute(t.app.db);
      const expected = elementwiseSum(a, b);
      if (JSON.stringify(rows[0]!.sum) !== JSON.stringify(expected)) wrong.push(`${name}: ${literal(a)} + ${literal(b)} gave ${literal(rows[0]!.sum)}`);
    }
    expect(wrong).toEqual([]);
  });
});
