// npm run bench:ingest [-- --seconds 10] [--workers N]
// Full HTTP ingest (validation, idempotency, durable commit) against a real PostgreSQL server on loopback,
// at 16 and 100 connections, beside the database's own one-row-per-commit INSERT rate (pgbench) measured
// in the same run: the ratio ingest ÷ single-row INSERT is the figure that matters on a shared, noisy machine.
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
import { startServerProcess } from '../tests/support/server-process.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, workers: { type: 'string' } } });
const seconds = Number(values.seconds);
const CONNECTIONS = [16, 100];
const workers = Number(values.workers ?? 1); // the server's own default
process.env.TEST_DATABASE_URL ??= process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const definition = loadDefinitions().find((d) => d.definition.key === 'sipas-2017')!.definition;
const answers = answerAll(definition, 4);
// Every request is a distinct response (its own id); the rest of the body is built once, so the load
// generator, which shares the cores with the server and the database, spends its time on HTTP only.
const [bodyHead, bodyTail] = JSON.stringify({ id: '<id>', survey: 'sipas-2017', version: 1, unit: '92', answers }).split('<id>');
const payloadFor = (id: string) => `${bodyHead}${id}${bodyTail}`;

interface Figure {
  perSecond: number;
  p99Ms: number;
  errors: number;
  /** CPU milliseconds per response: server processes, database backends, load generator. */
  cpu: { server: number; database: number; loadGenerator: number };
}

/** CPU time (user + system) of a process so far, in ms; 0 once it has gone. */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
const childPids = (pid: number) =>
  fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter((field) => field.trim() !== '').map(Number);
const totalCpuMs = (pids: number[]) => pids.reduce((sum, pid) => sum + cpuMs(pid), 0);

async function ingest(url: string, connections: number, serverPids: () => number[], databasePids: () => Promise<number[]>): Promise<Figure> {
  const backends = await databasePids();
  const [server0, database0, self0] = [totalCpuMs(serverPids()), totalCpuMs(backends), process.cpuUsage()];
  const result = await autocannon({
    url: `${url}/api/responses`,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: payloadFor(randomUUID()) }) }],
  });
  const self = process.cpuUsage(self0);
  const perResponse = (ms: number) => ms / Math.max(1, result.requests.total);
  return {
    perSecond: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.non2xx + result.errors,
    cpu: {
      server: perResponse(totalCpuMs(serverPids()) - server0),
      database: perResponse(totalCpuMs(backends) - database0),
      loadGenerator: perResponse((self.user + self.system) / 1000),
    },
  };
}

/** pgbench: one INSERT of the same JSON per transaction, the database's own durable one-row-per-commit rate. */
function singleRowInserts(databaseUrl: string, clients: number): number {
  const client = new URL(databaseUrl);
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-bench-')), 'insert.sql');
  const json = JSON.stringify(answers).replaceAll("'", "''");
  fs.writeFileSync(script, `INSERT INTO bench_single_row (id, answers) VALUES (gen_random_uuid(), '${json}'::jsonb);\n`);
  const out = execFileSync(
    'pgbench',
    ['-n', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', script, '-h', client.hostname, '-p', client.port || '5432', '-U', client.username || 'postgres', client.pathname.slice(1)],
    { encoding: 'utf8' },
  );
  const tps = /tps = ([0-9.]+)/.exec(out);
  if (!tps) throw new Error(`pgbench printed no tps:\n${out}`);
  return Number(tps[1]);
}

async function countRows(client: pg.Client, table: 'responses'): Promise<number> {
  return Number((await client.query(`select count(*) from ${table}`)).rows[0].count);
}

const database = await createServerDatabase();
try {
  const server = await startServerProcess({
    DATABASE_URL: database.url,
    DEMO_DATA: 'off',
    LOG_LEVEL: 'warn',
    CLIENT_DIST: '/nonexistent',
    RATE_LIMIT_IP_PER_MINUTE: '100000000',
    ...(values.workers ? { WORKERS: values.workers } : {}),
  });
  // With several workers the first answers health checks before the others listen.
  while (workers > 1 && !server.output().includes(`${workers} server processes listening`)) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  const serverPids = () => [server.child.pid!, ...childPids(server.child.pid!)];
  const databasePids = async () =>
    (await admin.query('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')).rows.map((row) => Number(row.pid));
  await admin.query('create table bench_single_row (id uuid primary key, answers jsonb not null)');

  const http = new Map<number, Figure>();
  let stored = 0;
  try {
    await ingest(server.url, 16, serverPids, databasePids); // warm-up (JIT, pool, caches), not reported
    const before = await countRows(admin, 'responses');
    for (const connections of CONNECTIONS) http.set(connections, await ingest(server.url, connections, serverPids, databasePids));
    stored = (await countRows(admin, 'responses')) - before;
  } finally {
    await server.stop(); // frees its pool, so pgbench can open as many connections as the HTTP run had
  }

  // The server's max_connections may be below 100: use what is free and say so.
  const free = Number((await admin.query('select current_setting($1)::int - count(*) as n from pg_stat_activity', ['max_connections'])).rows[0].n) - 3;
  console.log(`\ningest benchmark, ${seconds} s per run, ${os.cpus().length} cores, ${workers} server process(es), PostgreSQL server on loopback`);
  console.log('| connections | HTTP ingest responses/s | p99 ms | errors | single-row INSERT/s (pgbench, clients) | ratio | CPU ms/response: server, database, load generator |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [connections, figure] of http) {
    const clients = Math.min(connections, free);
    const sql = singleRowInserts(database.url, clients);
    console.log(
      `| ${connections} | ${Math.round(figure.perSecond)} | ${figure.p99Ms} | ${figure.errors} | ${Math.round(sql)} (${clients}) | ${(figure.perSecond / sql).toFixed(2)} | ${[figure.cpu.server, figure.cpu.database, figure.cpu.loadGenerator].map((ms) => ms.toFixed(3)).join(', ')} |`,
    );
  }
  console.log(`responses stored during the measured HTTP runs: ${stored}`);
  await admin.end();
} finally {
  await database.drop();
}
