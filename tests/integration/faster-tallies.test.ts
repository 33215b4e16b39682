import { randomUUID } from 'node:crypto';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../server/src/db/migrate.ts';
import { verifyTallies } from '../../server/src/features/aggregates/aggregates.service.ts';
import { writeBatch } from '../../server/src/features/responses/response-writer.ts';
import { answerAll } from '../support/answers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

// Migration 0011 makes the tally triggers cheaper. tally_add takes a shortcut for the vectors a batch adds
// (few slots, small counts): whatever path it takes, it must return the elementwise sum of its plain
// definition, a missing or null element counting 0. The triggers count each day once and add days into
// months and years: the tallies must still equal a recomputation, with 0011 and after its down().

const definition = loadDefinitions().find((d) => d.definition.key === 'sipas-2017' && d.definition.version === 1)!.definition;

type Vector = Array<number | null>;

const elementwiseSum = (a: Vector, b: Vector): number[] =>
  Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0));

const literal = (v: Vector) => `{${v.map((x) => (x === null ? 'NULL' : String(x))).join(',')}}`;

/** A deterministic generator, so a failure names a case that can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0; // a linear congruential step, in 32-bit integers
    return state / 2 ** 32;
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

describe.each(testDrivers())('migration 0011 on %s PostgreSQL', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t.close());

  it('tally_add returns the elementwise sum for every kind of vector', async () => {
    const wrong: string[] = [];
    for (const [name, a, b] of cases()) {
      const { rows } = await sql<{ sum: number[] }>`select tally_add(${literal(a)}::int[], ${literal(b)}::int[]) as sum`.execute(t.app.db);
      const expected = elementwiseSum(a, b);
      if (JSON.stringify(rows[0]!.sum) !== JSON.stringify(expected)) wrong.push(`${name}: ${literal(a)} + ${literal(b)} gave ${literal(rows[0]!.sum)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the tallies equal to a recomputation, and so does its down()', async () => {
    const units = await t.app.db.selectFrom('units').select('id').where('level', '=', 'province').where('valid_to', 'is', null).limit(3).execute();
    // One statement over several units, days, months and years, levels varying: months and years of many days.
    const writeSome = async (count: number) => {
      const batch = Array.from({ length: count }, (_, i) => ({
        response: {
          id: randomUUID(),
          surveyKey: definition.key,
          surveyVersion: definition.version,
          unitId: units[i % units.length]!.id,
          channel: 'web',
          locale: 'vi',
          localDate: ['2025-12-31', '2026-01-01', '2026-01-02', '2026-02-01'][i % 4]!,
          answers: answerAll(definition, (1 + (i % 5)) as 1, i % 6 === 0 ? { feedback_given: true } : {}),
          contentHash: 'h',
        },
      }));
      expect((await writeBatch(t.app.db, batch)).every((outcome) => outcome.kind === 'inserted')).toBe(true);
    };
    const expectExact = async (responses: number) => {
      const verified = await verifyTallies(t.app.db);
      expect(verified.differences).toEqual([]);
      expect(verified.responses).toBe(responses);
    };
    const migrator = new Migrator({ db: t.app.db, provider: { getMigrations: async () => migrations } });

    await writeSome(1);
    await writeSome(40);
    await expectExact(41);
    await sql`delete from responses where id in (select id from responses order by id limit 5)`.execute(t.app.db);
    await expectExact(36);

    expect((await migrator.migrateTo('0010-responses-by-date')).error).toBeUndefined();
    const { rows } = await sql<{ name: string }>`select proname as name from pg_proc where proname like 'tally_sum%'`.execute(t.app.db);
    expect(rows).toEqual([]);
    await writeSome(40);
    await expectExact(76);

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await writeSome(40);
    await expectExact(116);
  });
});
