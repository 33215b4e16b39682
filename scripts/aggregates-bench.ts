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
import { createSyntheticUnits, loadSyntheticResponses, percentile } from './synthetic-responses.ts';

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

const database = await createServerDatabase();
const pool = new pg.Pool({ connectionString: database.url, max: 4 });
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
try {
  await migrateToLatest(db as Kysely<unknown>);
  const catalog = await loadSurveyCatalog(db);
  const definition = catalog.get('sipas-2017', 1)!.definition;
  const criteria = definition.scoring.components.flatMap((c) => c.criteria);

  const { unitIds, provinceIds } = await createSyntheticUnits(db, UNITS, '2025-07-01');

  const load = (table: string, count: number) =>
    loadSyntheticResponses(pool, { table, count, unitIds, criteria, firstDay: `${YEAR}-01-01`, days: 365, batch: BATCH });

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
