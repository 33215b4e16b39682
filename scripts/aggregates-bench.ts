// npm run bench:aggregates [-- --responses 1000000 --units 1000 --runs 40]
// Loads synthetic SIPAS 2017 responses over a year into a throwaway database on a PostgreSQL server (through
// the tally triggers of migration 0005), then times the full-year report of every unit: tallies read, scores
// (scoring/unit-score.ts) and the ranking, at a tenth of the responses and at all of them, so that a report
// that grew with the responses would show. Baseline measured in the same run: one GROUP BY over the raw
// responses (the least a report from raw responses would cost). Also: the ingest rate with the triggers
// beside the same INSERTs into a copy of the table without them.
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../server/src/db/database.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { scoreTallies, verifyTallies } from '../server/src/features/aggregates/aggregates.service.ts';
import { periodRange } from '../server/src/features/aggregates/period-slices.ts';
import { loadSurveyCatalog } from '../server/src/features/surveys/surveys.service.ts';
import { rankUnits } from '../server/src/scoring/ranking.ts';
import { createServerDatabase } from '../tests/support/test-database.ts';

const { values } = parseArgs({
  options: {
    responses: { type: 'string', default: '1000000' },
    units: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '40' },
    verify: { type: 'boolean', default: false },
  },
});
const RESPONSES = Number(values.responses);
const UNITS = Number(values.units);
const RUNS = Number(values.runs);
const YEAR = 2026;
const BATCH = 1000;
process.env.TEST_DATABASE_URL ??= process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// Each response: a random unit and day of the year, every criterion at a random level (5 % n/a), feedback
// given by 30 % (else its four criteria are hidden), plus the non-scored questions a real response carries.
const INSERT = (table: string) => `
  insert into ${table} (id, survey_key, survey_version, unit_id, channel, locale, local_date, answers, content_hash)
  select gen_random_uuid(), 'sipas-2017', 1, ($1::int[])[1 + floor(random() * array_length($1::int[], 1))::int], 'kiosk', 'vi',
         make_date(${YEAR}, 1, 1) + floor(random() * 365)::int,
         (select jsonb_object_agg(q, case when random() < 0.05 then to_jsonb('na'::text) else to_jsonb(1 + floor(random() * 5)::int) end)
            from unnest($2::text[]) q
           where g > 0 and (f or q not like 'feedback%'))
         || jsonb_build_object('feedback_given', f, 'gender', 'female', 'age_band', 'a35_49', 'improvement_priorities', jsonb_build_array('staff')),
         md5(g::text)
    from (select g, random() < 0.3 as f from generate_series(1, $3::int) g) s`;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const database = await createServerDatabase();
const pool = new pg.Pool({ connectionString: database.url, max: 4 });
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
try {
  await migrateToLatest(db as Kysely<unknown>);
  const catalog = await loadSurveyCatalog(db);
  const definition = catalog.get('sipas-2017', 1)!.definition;
  const criteria = definition.scoring.components.flatMap((c) => c.criteria);

  // Units: provinces of 99 communes each (1,000 units = 10 provinces + 990 communes).
  const unitIds: number[] = [];
  const provinceIds: number[] = [];
  for (let p = 0; unitIds.length < UNITS; p++) {
    const province = await db
      .insertInto('units')
      .values({ code: `B${p}`, name_vi: `Tỉnh ${p}`, full_name_vi: `Tỉnh ${p}`, type: 'tỉnh', level: 'province', valid_from: '2025-07-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    provinceIds.push(province.id);
    unitIds.push(province.id);
    const communes = Math.min(99, UNITS - unitIds.length);
    if (communes === 0) continue;
    const rows = await db
      .insertInto('units')
      .values(
        Array.from({ length: communes }, (_, i) => ({
          code: `B${p}-${i}`,
          name_vi: `Xã ${p}-${i}`,
          full_name_vi: `Xã ${p}-${i}`,
          type: 'xã',
          level: 'commune',
          parent_id: province.id,
          valid_from: '2025-07-01',
        })),
      )
      .returning('id')
      .execute();
    unitIds.push(...rows.map((r) => r.id));
  }

  async function load(table: string, count: number): Promise<number> {
    const started = performance.now();
    let left = Math.ceil(count / BATCH);
    await Promise.all(
      [0, 1].map(async () => {
        while (left-- > 0) await pool.query(INSERT(table), [unitIds, criteria, BATCH]);
      }),
    );
    return (count / (performance.now() - started)) * 1000;
  }

  interface ReportFigures {
    p50: number;
    p95: number;
    quarterP95: number;
    subtreeP95: number;
    ranked: number;
  }

  async function timeReport(): Promise<ReportFigures> {
    const year = periodRange({ year: YEAR });
    const quarter = periodRange({ year: YEAR, quarter: 2 });
    const times: number[] = [];
    const quarterTimes: number[] = [];
    const subtreeTimes: number[] = [];
    let ranked = 0;
    const timed = async (into: number[], run: number, work: () => Promise<void>) => {
      const started = performance.now();
      await work();
      if (run >= 3) into.push(performance.now() - started); // the first runs warm caches and plans
    };
    const reportAndRank = async (range: { from: string; to: string }, ids: number[], subtree = false) => {
      const rows = await scoreTallies(db, definition, { range, unitIds: ids, subtree });
      const ranking = rankUnits(
        rows.map((row) => ({ id: String(row.unitId), share: row.score.overall.share, belowMinimum: row.score.overall.belowMinimum })),
      );
      ranked = ranking.ranked.length;
    };
    for (let run = 0; run < RUNS + 3; run++) {
      await timed(times, run, () => reportAndRank(year, unitIds));
      await timed(quarterTimes, run, () => reportAndRank(quarter, unitIds));
      await timed(subtreeTimes, run, () => reportAndRank(year, provinceIds, true));
    }
    await reportAndRank(year, unitIds);
    for (const list of [times, quarterTimes, subtreeTimes]) list.sort((a, b) => a - b);
    return {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      quarterP95: percentile(quarterTimes, 95),
      subtreeP95: percentile(subtreeTimes, 95),
      ranked,
    };
  }

  async function groupByBaseline(): Promise<number> {
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      await sql`select unit_id, count(*) from responses group by unit_id`.execute(db);
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[2]!;
  }

  // Ingest cost of the triggers: the same batches into a copy of responses without them.
  await sql`create table bench_plain (like responses including all)`.execute(db);
  const sample = Math.min(100_000, RESPONSES);
  const plainRate = await load('bench_plain', sample);
  await sql`drop table bench_plain`.execute(db);

  const tenth = Math.round(RESPONSES / 10);
  const firstRate = await load('responses', tenth);
  await sql`vacuum analyze`.execute(db);
  const atTenth = await timeReport();
  const baselineAtTenth = await groupByBaseline();

  const restRate = await load('responses', RESPONSES - tenth);
  await sql`vacuum analyze`.execute(db);
  const atAll = await timeReport();
  const baselineAtAll = await groupByBaseline();
  const triggerRate = (tenth + (RESPONSES - tenth)) / (tenth / firstRate + (RESPONSES - tenth) / restRate);

  const { rows: sizes } = await sql<{ grain: string; rows: number }>`
    select grain, count(*)::int as rows from response_tallies group by 1 order by 1`.execute(db);
  const { rows: bytes } = await sql<{ tallies: string; responses: string }>`
    select pg_size_pretty(pg_total_relation_size('response_tallies')) as tallies,
           pg_size_pretty(pg_total_relation_size('responses')) as responses`.execute(db);

  console.log(`\naggregates benchmark: ${UNITS} units, SIPAS 2017, year ${YEAR}, ${RUNS} timed runs, PostgreSQL server on loopback`);
  console.log(
    '| responses | full-year report of all units (read + score + rank), p50 / p95 ms | one quarter, p95 ms | provinces with their subtrees, p95 ms | baseline: GROUP BY over responses, ms | year p95 ÷ baseline |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [n, figure, baseline] of [
    [tenth, atTenth, baselineAtTenth],
    [RESPONSES, atAll, baselineAtAll],
  ] as const) {
    console.log(
      `| ${n.toLocaleString('en-US')} | ${figure.p50.toFixed(1)} / ${figure.p95.toFixed(1)} | ${figure.quarterP95.toFixed(1)} | ${figure.subtreeP95.toFixed(1)} | ${baseline.toFixed(1)} | ${(figure.p95 / baseline).toFixed(2)} |`,
    );
  }
  console.log(`units ranked (at least ${definition.scoring.minSampleToRank} respondents): ${atAll.ranked} of ${UNITS}`);
  console.log(
    `ingest through the triggers: ${Math.round(triggerRate)} responses/s; same INSERTs without them: ${Math.round(plainRate)}/s ` +
      `(${BATCH} per statement, 2 connections; ratio ${(triggerRate / plainRate).toFixed(2)})`,
  );
  console.log(`tally rows: ${sizes.map((s) => `${s.grain} ${s.rows.toLocaleString('en-US')}`).join(', ')}; size ${bytes[0]!.tallies} (responses ${bytes[0]!.responses})`);
  if (values.verify) {
    const started = performance.now();
    const report = await verifyTallies(db);
    console.log(`verify: ${report.total} differing rows, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  await db.destroy();
  await database.drop();
}
