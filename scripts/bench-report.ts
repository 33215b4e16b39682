// npm run bench:report [-- --responses 1000000 --units 1000 --runs 40]
// The report path end to end on a PostgreSQL server: synthetic SIPAS 2017 responses over two years (the
// previous year gives the rank changes) loaded into a throwaway database through the tally triggers, then
// timed with the real service functions:
//   full report: every unit ranked among its level for the year, each scored on its subtree, with the
//     previous year's ranks, rank and point changes and ranks within regions (GET /api/rankings, level=province
//     and level=commune, run together as a dashboard would);
//   drill-down: one province's analysis report (its position, components, criteria, both years) and the
//     scores export of the province and each commune below it (GET /api/reports/analysis, /api/exports/scores.csv);
//   raw reads: that province's breakdowns (expectations, channels, procedures) and first page of comments for
//     the year (GET /api/breakdowns, /api/comments), which read responses, not tallies: they grow with the
//     responses of the province's year, and are printed so that the growth shows.
// At a tenth of the responses and at all of them, beside `select count(*) from responses` timed in the same
// run: the report should not grow with the responses, while the count does.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../server/src/db/database.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { getBreakdowns } from '../server/src/features/breakdowns/breakdowns.service.ts';
import { getComments } from '../server/src/features/comments/comments.service.ts';
import { resolveResponseScope } from '../server/src/features/exports/response-scope.ts';
import { getRankings } from '../server/src/features/rankings/rankings.service.ts';
import { exportScores, getAnalysis } from '../server/src/features/reports/reports.service.ts';
import { loadSurveyCatalog } from '../server/src/features/surveys/surveys.service.ts';
import { createServerDatabase } from '../tests/support/test-database.ts';
import { createSyntheticUnits, loadSyntheticResponses, percentile } from './synthetic-responses.ts';

const { values } = parseArgs({
  options: {
    responses: { type: 'string', default: '1000000' },
    units: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '40' },
  },
});
const RESPONSES = Number(values.responses);
const UNITS = Number(values.units);
const RUNS = Number(values.runs);
const YEAR = 2026;
const WARM_UP = 3;
process.env.TEST_DATABASE_URL ??= process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const database = await createServerDatabase();
const pool = new pg.Pool({ connectionString: database.url, max: 4 });
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
const allowAll = async () => {};
// Every call names its period; "today" only picks the default period.
const TODAY = `${YEAR}-12-31`;
try {
  await migrateToLatest(db as Kysely<unknown>);
  const catalog = await loadSurveyCatalog(db);
  const definition = catalog.get('sipas-2017', 1)!.definition;
  const criteria = definition.scoring.components.flatMap((c) => c.criteria);
  const { unitIds, provinceCodes } = await createSyntheticUnits(db, UNITS, `${YEAR - 1}-01-01`);
  const load = (count: number) =>
    loadSyntheticResponses(pool, { table: 'responses', count, unitIds, criteria, firstDay: `${YEAR - 1}-01-01`, days: 730, batch: 1000 });
  const period = String(YEAR);
  const drilled = provinceCodes[0]!;

  const fullReport = async () => {
    const [provinces, communes] = await Promise.all(
      (['province', 'commune'] as const).map((level) => getRankings(db, catalog, { survey: definition.key, level, period }, TODAY, allowAll)),
    );
    return provinces!.ranked.length + communes!.ranked.length;
  };
  const drillDown = async () => {
    await Promise.all([
      getAnalysis(db, catalog, { survey: definition.key, unit: drilled, period, locale: 'vi' }, TODAY, allowAll),
      exportScores(db, catalog, { survey: definition.key, unit: drilled, period }, TODAY, allowAll),
    ]);
  };
  const rawReads = async () => {
    const query = { survey: definition.key, unit: drilled, from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
    const scope = await resolveResponseScope(db, catalog, query, { subtree: true, today: TODAY });
    await Promise.all([getBreakdowns(db, scope), getComments(db, scope, { ...query, page: 1, pageSize: 20 })]);
  };
  const countResponses = async () => {
    await sql`select count(*) from responses`.execute(db);
  };

  /** p50 and p95 in ms of `runs` timed runs after the warm-up (caches, plans). */
  async function time(work: () => Promise<unknown>, runs: number) {
    const times: number[] = [];
    for (let run = 0; run < runs + WARM_UP; run++) {
      const started = performance.now();
      await work();
      if (run >= WARM_UP) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  }

  async function measure(responses: number) {
    await sql`vacuum analyze`.execute(db);
    const ranked = await fullReport();
    const load = os.loadavg()[0]!;
    return {
      responses,
      ranked,
      report: await time(fullReport, RUNS),
      drill: await time(drillDown, RUNS),
      raw: await time(rawReads, RUNS),
      count: await time(countResponses, RUNS),
      // The machine is shared: the 1-minute load average before and after the timed runs.
      load: `${load.toFixed(1)}–${os.loadavg()[0]!.toFixed(1)}`,
    };
  }

  const tenth = Math.round(RESPONSES / 10);
  const loadStarted = performance.now();
  await load(tenth);
  const atTenth = await measure(tenth);
  await load(RESPONSES - tenth);
  const atAll = await measure(RESPONSES);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const { rows } = await sql<{ tally_rows: number }>`select count(*)::int as tally_rows from response_tallies`.execute(db);

  const ms = (value: number) => value.toFixed(1);
  console.log(`\nreport benchmark on ${os.cpus().length} cores: ${UNITS} units (${provinceCodes.length} provinces), SIPAS 2017, years ${YEAR - 1}–${YEAR}, ${RUNS} timed runs after ${WARM_UP} warm-up, PostgreSQL server on loopback`);
  console.log(
    '| responses | full-year report, all units ranked (p50 / p95 ms) | one-province drill-down (p50 / p95 ms) | one province\'s breakdowns and comments (p50 / p95 ms) | baseline: select count(*) from responses (p50 ms) | report p95 ÷ count | load average |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const m of [atTenth, atAll]) {
    console.log(
      `| ${m.responses.toLocaleString('en-US')} | ${ms(m.report.p50)} / ${ms(m.report.p95)} | ${ms(m.drill.p50)} / ${ms(m.drill.p95)} | ${ms(m.raw.p50)} / ${ms(m.raw.p95)} | ${ms(m.count.p50)} | ${(m.report.p95 / m.count.p50).toFixed(2)} | ${m.load} |`,
    );
  }
  console.log(`units ranked (at least ${definition.scoring.minSampleToRank} respondents in ${YEAR}): ${atAll.ranked} of ${UNITS}`);
  console.log(`growth from ${tenth.toLocaleString('en-US')} to ${RESPONSES.toLocaleString('en-US')} responses: report p95 ×${(atAll.report.p95 / atTenth.report.p95).toFixed(2)}, drill-down p95 ×${(atAll.drill.p95 / atTenth.drill.p95).toFixed(2)}, breakdowns and comments p95 ×${(atAll.raw.p95 / atTenth.raw.p95).toFixed(2)}, count(*) ×${(atAll.count.p50 / atTenth.count.p50).toFixed(2)}`);
  console.log(`target: full report p95 <= 100 ms at ${RESPONSES.toLocaleString('en-US')} responses: ${atAll.report.p95 <= 100 ? 'met' : 'NOT met'}`);
  console.log(`loading through the triggers: ${loadSeconds.toFixed(0)} s in all; ${rows[0]!.tally_rows.toLocaleString('en-US')} tally rows`);
} finally {
  await db.destroy();
  await database.drop();
}
