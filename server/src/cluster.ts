import cluster, { type Worker } from 'node:cluster';
import { ConfigError, type Config } from './config.ts';

// Several server processes sharing the port (node:cluster), so request handling can use several cores. Only with
// a PostgreSQL server: each process has its own pool and group-commit writer, and the database enforces
// what must hold across them (one response per id, one per dossier). Embedded PGlite lives inside one
// process and stays single-process.
// In-memory rate limits are counted per process: with N workers a client may get up to N times the limit.

/**
 * WORKERS (a positive integer) with PostgreSQL, default 1; always 1 with PGlite. Not one per core by default:
 * where the database shares the machine, two processes on two cores took more CPU per response than one
 * (smaller batches per writer, processes competing with PostgreSQL; BENCHMARKS.md, ingest). Worth it where
 * cores are spare.
 */
export function workerCount(config: Config, env: Record<string, string | undefined>): number {
  if (config.database.kind !== 'postgres') return 1;
  const asked = env.WORKERS;
  if (asked === undefined || asked === '') return 1;
  const count = Number(asked);
  if (!Number.isInteger(count) || count < 1) throw new ConfigError(`Invalid configuration:\n  WORKERS: must be a positive integer (got "${asked}")`);
  return count;
}

/**
 * In the primary of a multi-process server: starts the workers one after another (the first one alone runs
 * the migrations and seeds, so they never race), replaces a worker that dies, and on SIGTERM/SIGINT stops
 * them with SIGTERM and exits once all have (with 1 if one of them failed). Returns true there; false in a worker or a single-process server,
 * which then serves requests itself.
 */
export function startWorkers(count: number): boolean {
  if (count <= 1 || !cluster.isPrimary) return false;
  let stopping = false;
  const fork = () =>
    new Promise<Worker>((resolve, reject) => {
      const worker = cluster.fork();
      worker.once('listening', () => resolve(worker));
      worker.once('exit', (code) => reject(new Error(`worker exited with ${code} before listening`)));
    });

  (async () => {
    for (let i = 0; i < count && !stopping; i++) await fork();
    console.log(`${count} server processes listening`);
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      console.error(`worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
      cluster.fork();
    });
  })().catch((error: unknown) => {
    if (stopping) return;
    console.error(error instanceof Error ? error.message : error);
    stopAll(1);
  });

  /** Stops the workers gracefully (in-flight requests finish) and exits once all have. */
  function stopAll(exitCode: number): void {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    if (workers.length === 0) process.exit(exitCode);
    let left = workers.length;
    let failed = false;
    for (const worker of workers) {
      worker.once('exit', (code, signal) => {
        // A worker still starting has no handler yet, and SIGTERM simply ends it.
        failed ||= signal ? signal !== 'SIGTERM' : code !== 0;
        if (--left === 0) process.exit(failed ? 1 : exitCode);
      });
      worker.process.kill('SIGTERM');
    }
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => stopAll(0));
  return true;
}

/**
 * The signals a worker leaves to the primary (for close-with-grace's `skip`): Ctrl-C sends SIGINT to the
 * whole process group, and a worker that got it and then the primary's SIGTERM would take the second
 * signal as "quit now". So a worker ignores SIGINT and closes on the primary's one SIGTERM.
 */
export function signalsLeftToPrimary(): Array<'SIGINT'> {
  if (!cluster.isWorker) return [];
  process.on('SIGINT', () => {});
  return ['SIGINT'];
}
