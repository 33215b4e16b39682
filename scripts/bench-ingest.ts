// npm run bench:ingest [-- --seconds 10] [--rounds 3] [--workers N] [--units 50] [--connections 16,100]
// Full HTTP ingest (validation, idempotency, durable commit) against a real PostgreSQL server on loopback,
// at 16 and 100 connections, beside the database's own one-row-per-commit rate measured in the same run
// with pgbench, at the same concurrency and over the same units:
//   - primary baseline: one INSERT per transaction of the very row the writer stores, into the real
//     `responses` table (its keys, indexes and tally triggers): what each request would cost the database
//     without group commit. The ratio ingest ÷ this rate is the figure of issue #4.
//   - second baseline, printed beside it: one INSERT per transaction into a plain 2-column table (uuid, jsonb)
//     with the same answers: the database's raw commit rate, with none of the work a response needs.
// Each connection count is measured in --rounds rounds, each an HTTP run followed at once by its baselines, and
// the round with the median ratio is printed: the machine's speed drifts from one minute to the next, and a
// ratio of two runs taken far apart measures the drift as much as the code.
// Also the CPU time spent per response by the server processes, the database backends and the load
// generator: unlike rates, these barely move when other work shares the machine.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import { answerAll } from '../tests/support/answers.ts';
import { createServerDatabase } from '../tests/support/test-database.ts';
import { startServerProcess, type ServerProcess } from '../tests/support/server-process.ts';
import { cpuMs } from './process-cpu.ts';
import { runWrk, wrkAvailable, type WrkResult } from './wrk-load.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    workers: { type: 'string' },
    units: { type: 'string', default: '50' },
    connections: { type: 'string', default: '16,100' },
    'load-generator': { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const CONNECTIONS = values.connections.split(',').map(Number).sort((a, b) => a - b); // ascending: the server stops for the larger counts
const workers = Number(values.workers ?? 1); // the server's own default
const unitCount = Number(values.units);
// wrk (C) when installed: the load generator shares the cores with the server and the database.
const loadGenerator = values['load-generator'] ?? (wrkAvailable() ? 'wrk' : 'autocannon');
if (loadGenerator !== 'wrk' && loadGenerator !== 'autocannon') throw new Error('--load-generator is wrk or autocannon');
process.env.TEST_DATABASE_URL ??= process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const definition = loadDefinitions().find((d) => d.definition.key === 'sipas-2017')!.definition;
const answers = answerAll(definition, 4);

interface Unit {
  id: number;
  code: string;
}

/**
 * The units the load is spread over: the first communes, by code, valid today in Vietnam, of the registry
 * seeded with DEMO_DATA=off (post-2025 Cần Thơ and Hà Tĩnh). The HTTP load and both baselines use this list.
 */
async function benchUnits(admin: pg.Client, count: number): Promise<Unit[]> {
  const { rows } = await admin.query<Unit>(
    `select distinct on (code) id, code from units
      where level = 'commune' and valid_from <= $1 and (valid_to is null or valid_to >= $1)
      order by code, valid_from desc limit $2`,
    [vietnamToday(), count],
  );
  if (rows.length < count) throw new Error(`only ${rows.length} communes valid today, wanted ${count}`);
  return rows;
}
const vietnamToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/**
 * Request bodies, unit after unit in turn. Every request is a distinct response (its own id); the rest of
 * each unit's body is built once, so the load generator, which shares the cores with the server and the
 * database, spends its time on HTTP only.
 */
function templatesFor(units: Unit[]): Array<[string, string]> {
  return units.map((unit) => JSON.stringify({ id: '<id>', survey: 'sipas-2017', version: 1, unit: unit.code, answers }).split('<id>') as [string, string]);
}

function bodiesFor(units: Unit[]): () => string {
  const templates = templatesFor(units);
  let next = 0;
  return () => {
    const [head, tail] = templates[next++ % templates.length]!;
    return `${head}${randomUUID()}${tail}`;
  };
}

interface Figure {
  perSecond: number;
  p99Ms: number;
  errors: number;
  /** Responses stored per transaction: the group commit's batch size. */
  perCommit: number;
  /** CPU milliseconds per response: server processes, database backends, load generator. */
  cpu: { server: number; database: number; loadGenerator: number };
}

const childPids = (pid: number) =>
  fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter((field) => field.trim() !== '').map(Number);
const totalCpuMs = (pids: number[]) => pids.reduce((sum, pid) => sum + cpuMs(pid), 0);

/** The newest transaction id among stored responses; a batch's rows share their transaction's. */
async function newestXmin(admin: pg.Client): Promise<string> {
  return (await admin.query(`select coalesce(max(xmin::text::bigint), 0)::text as xmin from responses`)).rows[0].xmin;
}

async function responsesPerCommit(admin: pg.Client, afterXmin: string): Promise<number> {
  const { rows } = await admin.query(
    `select count(*)::float / greatest(count(distinct xmin::text), 1) as n from responses where xmin::text::bigint > $1`,
    [afterXmin],
  );
  return Number(rows[0].n);
}

async function runAutocannon(url: string, connections: number, nextBody: () => string): Promise<Omit<WrkResult, 'cpuMs'> & { cpuMs: 0 }> {
  const result = await autocannon({
    url: `${url}/api/responses`,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: nextBody() }) }],
  });
  return { requests: result.requests.total, perSecond: result.requests.average, p99Ms: result.latency.p99, errors: result.non2xx + result.errors, cpuMs: 0 };
}

async function ingest(
  admin: pg.Client,
  url: string,
  connections: number,
  units: Unit[],
  nextBody: () => string,
  serverPids: () => number[],
  databasePids: () => Promise<number[]>,
): Promise<Figure> {
  // The server's pool may open backends during the run (it closes idle ones while pgbench runs): count those too.
  const database0 = new Map((await databasePids()).map((pid) => [pid, cpuMs(pid)]));
  const xmin0 = await newestXmin(admin);
  const [server0, self0] = [totalCpuMs(serverPids()), process.cpuUsage()];
  const load = loadGenerator === 'wrk' ? await runWrk(url, connections, seconds, templatesFor(units)) : await runAutocannon(url, connections, nextBody);
  const self = process.cpuUsage(self0);
  const perResponse = (ms: number) => ms / Math.max(1, load.requests);
  const cpu = {
    server: perResponse(totalCpuMs(serverPids()) - server0),
    database: perResponse((await databasePids()).reduce((sum, pid) => sum + cpuMs(pid) - (database0.get(pid) ?? 0), 0)),
    // wrk's own process, or this one (autocannon runs in it)
    loadGenerator: perResponse(loadGenerator === 'wrk' ? load.cpuMs : (self.user + self.system) / 1000),
  };
  return {
    perSecond: load.perSecond,
    p99Ms: load.p99Ms,
    errors: load.errors,
    perCommit: await responsesPerCommit(admin, xmin0),
    cpu,
  };
}

const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * One pgbench script per unit, each one INSERT of the row the writer stored for that unit (every column it
 * fills, read back from what the HTTP warm-up stored) with a fresh id; pgbench picks a script at random
 * per transaction, so the rows are spread over the units as the HTTP requests were.
 */
async function responsesScripts(admin: pg.Client, units: Unit[], dir: string): Promise<string[]> {
  const { rows } = await admin.query(
    `select distinct on (unit_id) survey_key, survey_version, unit_id, channel, locale, local_date::text, answers::text,
            content_hash, procedure_code, from_receipt
       from responses where unit_id = any($1) order by unit_id`,
    [units.map((unit) => unit.id)],
  );
  if (rows.length !== units.length) throw new Error(`the warm-up stored responses for ${rows.length} of ${units.length} units`);
  return rows.map((row) => {
    const file = path.join(dir, `responses-${row.unit_id}.sql`);
    const values = [
      'gen_random_uuid()',
      sqlText(row.survey_key),
      row.survey_version,
      row.unit_id,
      sqlText(row.channel),
      sqlText(row.locale),
      `${sqlText(row.local_date)}::date`,
      `${sqlText(row.answers)}::jsonb`,
      sqlText(row.content_hash),
      row.procedure_code === null ? 'null' : sqlText(row.procedure_code),
      row.from_receipt,
    ];
    fs.writeFileSync(
      file,
      `INSERT INTO responses (id, survey_key, survey_version, unit_id, channel, locale, local_date, answers, content_hash, procedure_code, from_receipt) VALUES (${values.join(', ')});\n`,
    );
    return file;
  });
}

/**
 * The plain table has no unit: its one script is the same for every unit. The answers as PostgreSQL prints
 * jsonb (a space after each colon): pgbench would read `":name` as a variable.
 */
async function plainTableScript(admin: pg.Client, dir: string): Promise<string[]> {
  const file = path.join(dir, 'plain.sql');
  const json = (await admin.query('select $1::jsonb::text as json', [JSON.stringify(answers)])).rows[0].json as string;
  fs.writeFileSync(file, `INSERT INTO bench_single_row (id, answers) VALUES (gen_random_uuid(), ${sqlText(json)}::jsonb);\n`);
  return [file];
}

/** pgbench: one INSERT per transaction (a script chosen at random each time), committed durably; returns TPS. */
function pgbench(databaseUrl: string, clients: number, scripts: string[]): number {
  const client = new URL(databaseUrl);
  const out = execFileSync(
    'pgbench',
    [
      '-n',
      '-M', 'prepared',
      '-c', String(clients),
      '-j', '2',
      '-T', String(seconds),
      ...scripts.flatMap((script) => ['-f', `${script}@1`]),
      '-h', client.hostname,
      '-p', client.port || '5432',
      '-U', client.username || 'postgres',
      client.pathname.slice(1),
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  const tps = /tps = ([0-9.]+)/.exec(out);
  if (!tps) throw new Error(`pgbench printed no tps:\n${out}`);
  return Number(tps[1]);
}

/** Connections pgbench may open, keeping a few in reserve. */
async function freeConnections(admin: pg.Client): Promise<number> {
  const { rows } = await admin.query('select current_setting($1)::int - count(*) as n from pg_stat_activity', ['max_connections']);
  return Number(rows[0].n) - 3;
}

async function countRows(client: pg.Client, table: 'responses'): Promise<number> {
  return Number((await client.query(`select count(*) from ${table}`)).rows[0].count);
}

const loadAverage = () => os.loadavg().map((n) => n.toFixed(1)).join(' ');

const database = await createServerDatabase();
const admin = new pg.Client({ connectionString: database.url });
try {
  await admin.connect();
  await run(admin, database.url);
} finally {
  await admin.end();
  await database.drop();
}

async function run(admin: pg.Client, databaseUrl: string): Promise<void> {
  const serverEnv = {
    DATABASE_URL: databaseUrl,
    DEMO_DATA: 'off',
    LOG_LEVEL: 'warn',
    CLIENT_DIST: '/nonexistent',
    RATE_LIMIT_IP_PER_MINUTE: '100000000',
    ...(values.workers ? { WORKERS: values.workers } : {}),
  };
  async function startServer(): Promise<ServerProcess> {
    const started = await startServerProcess(serverEnv);
    // With several workers the first answers health checks before the others listen.
    while (workers > 1 && !started.output().includes(`${workers} server processes listening`)) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return started;
  }
  let server: ServerProcess | undefined = await startServer(); // migrates and seeds the registry
  const units = await benchUnits(admin, unitCount);
  const nextBody = bodiesFor(units);
  const databasePids = async () =>
    (await admin.query('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')).rows.map((row) => Number(row.pid));
  const runIngest = (s: ServerProcess, connections: number) =>
    ingest(admin, s.url, connections, units, nextBody, () => [s.child.pid!, ...childPids(s.child.pid!)], databasePids);
  const warmUp = (s: ServerProcess) => runIngest(s, 16); // JIT, pool, caches, tally rows; not reported

  /** The server, started again (and warmed up) if pgbench made it stop. */
  async function runningServer(): Promise<ServerProcess> {
    if (!server) {
      server = await startServer();
      await warmUp(server);
    }
    return server;
  }

  const loadBefore = loadAverage();
  const rows: Round[] = [];
  let stored = 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-bench-'));
  try {
    await warmUp(server);
    await admin.query('create table bench_single_row (id uuid primary key, answers jsonb not null)');
    const sameRowScripts = await responsesScripts(admin, units, dir);
    const plainScripts = await plainTableScript(admin, dir);

    // Each HTTP run is followed at once by its baselines, so that they meet the same machine (other work
    // comes and goes). The server stays up, idle, unless pgbench needs its connections: then it stops.
    for (const connections of CONNECTIONS) {
      const measured: Round[] = [];
      for (let round = 0; round < rounds; round++) {
        const before = await countRows(admin, 'responses');
        const figure = await runIngest(await runningServer(), connections);
        stored += (await countRows(admin, 'responses')) - before;
        if ((await freeConnections(admin)) < connections) {
          await server!.stop();
          server = undefined;
        }
        // The database's max_connections (often 100) may leave fewer: use what is free and say so.
        const clients = Math.min(connections, await freeConnections(admin));
        const sameRow = pgbench(databaseUrl, clients, sameRowScripts);
        const plain = pgbench(databaseUrl, clients, plainScripts);
        measured.push({ connections, figure, clients, sameRow, plain });
      }
      measured.sort((a, b) => a.figure.perSecond / a.sameRow - b.figure.perSecond / b.sameRow);
      rows.push({ ...measured[Math.floor((measured.length - 1) / 2)]!, ratios: measured.map((m) => m.figure.perSecond / m.sameRow) });
    }
  } finally {
    await server?.stop();
    fs.rmSync(dir, { recursive: true });
  }

  console.log(
    `\ningest benchmark, ${seconds} s per run, median of ${rounds} round(s), ${os.cpus().length} cores, ${workers} server process(es), load generator ${loadGenerator}, PostgreSQL server on loopback, ` +
      `${units.length} units (communes ${units[0]!.code}…${units.at(-1)!.code}) in turn; load average ${loadBefore} before, ${loadAverage()} after`,
  );
  console.log(
    '| connections | HTTP ingest responses/s | p99 ms | errors | same row into `responses`, one per commit: INSERT/s (pgbench clients) | **ratio** (every round) | plain 2-column table, one per commit: INSERT/s | ratio | CPU ms/response: server, database, load generator | responses per commit |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { connections, figure, clients, sameRow, plain, ratios } of rows) {
    console.log(
      `| ${connections} | ${Math.round(figure.perSecond)} | ${figure.p99Ms} | ${figure.errors} | ${Math.round(sameRow)} (${clients}) | **${(figure.perSecond / sameRow).toFixed(2)}** (${ratios!.map((r) => r.toFixed(2)).join(', ')}) | ${Math.round(plain)} | ${(figure.perSecond / plain).toFixed(2)} | ${[figure.cpu.server, figure.cpu.database, figure.cpu.loadGenerator].map((ms) => ms.toFixed(3)).join(', ')} | ${figure.perCommit.toFixed(1)} |`,
    );
  }
  console.log(`responses stored during the measured HTTP runs: ${stored}`);
}

interface Round {
  connections: number;
  figure: Figure;
  clients: number;
  sameRow: number;
  plain: number;
  ratios?: number[];
}
