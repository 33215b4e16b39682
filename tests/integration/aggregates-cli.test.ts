import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAggregatesCommand } from '../../scripts/aggregates-command.ts';
import { buildApp } from '../../server/src/app.ts';
import { REPO_ROOT, type Config } from '../../server/src/config.ts';
import { vietnamDate } from '../../server/src/local-date.ts';
import { answerAll } from '../support/answers.ts';
import { createServerDatabase, testDrivers } from '../support/test-database.ts';

// `npm run aggregates:verify` reports tampered tallies (exit 1, naming each row and what is wrong in it);
// `npm run aggregates:rebuild` recomputes them from raw responses, after which verify agrees (exit 0).

const definition = loadDefinitions().find((d) => d.definition.key === 'sipas-2017' && d.definition.version === 1)!.definition;

function runProcess(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', script), ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

async function runInProcess(db: FastifyInstance['db'], command: 'rebuild' | 'verify', argv: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAggregatesCommand(db, command, argv, (line) => out.push(line), (line) => err.push(line));
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe.each(testDrivers())('the aggregates commands on %s PostgreSQL', (driver) => {
  let work: string;
  let env: Record<string, string>;
  let config: Config;
  const cleanups: Array<() => Promise<void>> = [];
  const today = vietnamDate(new Date());
  const ids = { canTho: 0, haTinh: 0, haNoi: 0 };

  beforeAll(async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'sipas-aggregates-cli-'));
    cleanups.push(() => fs.rm(work, { recursive: true, force: true }));
    let database: Config['database'] = { kind: 'embedded', dataDir: path.join(work, 'data') };
    env = { DATA_DIR: database.dataDir };
    if (driver === 'postgres') {
      const server = await createServerDatabase();
      cleanups.push(server.drop);
      database = { kind: 'postgres', url: server.url };
      env = { DATABASE_URL: server.url };
    }
    config = { port: 0, host: '127.0.0.1', database, demoData: 'off', logLevel: 'silent', clientDist: '/nonexistent' };
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('in process: verify names each tampered row, rebuild repairs, verify agrees', async () => {
    const app = await buildApp(config);
    try {
      for (const [unit, level] of [['92', 4], ['92', 5], ['42', 3]] as const) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/responses',
          payload: { survey: 'sipas-2017', version: 1, unit, answers: answerAll(definition, level) },
        });
        expect(res.statusCode).toBe(201);
      }
      for (const code of ['92', '42', '01'] as const) {
        const unit = await app.db.selectFrom('units').select('id').where('code', '=', code).where('valid_to', 'is', null).executeTakeFirstOrThrow();
        ids[code === '92' ? 'canTho' : code === '42' ? 'haTinh' : 'haNoi'] = unit.id;
      }
      expect(await runInProcess(app.db, 'verify')).toMatchObject({ code: 0, stdout: expect.stringContaining('agree') });

      // Three kinds of damage: a wrong count (slot 4 = first question, level 4), a lost row, a row with no responses.
      await sql`update response_tallies set level_counts[4] = level_counts[4] + 1
                 where unit_id = ${ids.canTho} and grain = 'day'`.execute(app.db);
      await sql`delete from response_tallies where unit_id = ${ids.haTinh} and grain = 'month'`.execute(app.db);
      await sql`insert into response_tallies
                select ${ids.haNoi}, survey_key, survey_version, grain, period_start, 3, level_counts, scored, share_sum, share_sq_sum
                  from response_tallies where unit_id = ${ids.haTinh} and grain = 'year'`.execute(app.db);

      const verify = await runInProcess(app.db, 'verify');
      expect(verify.code).toBe(1);
      const month = `${today.slice(0, 7)}-01`;
      const year = `${today.slice(0, 4)}-01-01`;
      const lines = verify.stdout.split('\n');
      expect(lines[0]).toBe(
        'The aggregates differ from a recomputation from raw responses (3 responses, 6 tally rows): 3 rows differ.',
      );
      expect(lines).toEqual(
        expect.arrayContaining([
          `  unit 92 (id ${ids.canTho}) sipas-2017@1 day ${today}`,
          '    level_counts access_seats level 4: stored 2, expected 1',
          `  unit 42 (id ${ids.haTinh}) sipas-2017@1 month ${month}`,
          '    missing: 1 responses are not counted',
          `  unit 01 (id ${ids.haNoi}) sipas-2017@1 year ${year}`,
          '    no responses behind this row (stored 3 respondents)',
          'Run `npm run aggregates:rebuild` to recompute them from the responses.',
        ]),
      );
      const limited = await runInProcess(app.db, 'verify', ['--limit', '1']);
      expect(limited.stdout).toContain('  … and 2 more rows');
      const json = JSON.parse((await runInProcess(app.db, 'verify', ['--json'])).stdout);
      expect(json).toMatchObject({ responses: 3, total: 3 });

      expect(await runInProcess(app.db, 'rebuild')).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/^Rebuilt the aggregates from 3 responses: 6 tally rows in \d+\.\d s\.$/),
      });
      expect(await runInProcess(app.db, 'verify')).toMatchObject({ code: 0 });
      expect(await runInProcess(app.db, 'verify', ['--bogus'])).toMatchObject({ code: 2, stderr: expect.stringContaining('usage') });

      // Leave damage behind for the real commands below.
      await sql`update response_tallies set respondents = respondents + 1 where unit_id = ${ids.haTinh} and grain = 'year'`.execute(app.db);
    } finally {
      await app.close();
    }
  });

  it('as commands: verify exits 1 with the row, rebuild repairs, verify exits 0', async () => {
    const before = await runProcess('aggregates-verify.ts', [], env);
    expect(before.code, before.stderr).toBe(1);
    expect(before.stdout).toContain(`unit 42 (id ${ids.haTinh}) sipas-2017@1 year ${today.slice(0, 4)}-01-01`);
    expect(before.stdout).toContain('respondents: stored 2, expected 1');

    const rebuild = await runProcess('aggregates-rebuild.ts', [], env);
    expect(rebuild.code, rebuild.stderr).toBe(0);
    expect(rebuild.stdout).toMatch(/^Rebuilt the aggregates from 3 responses: 6 tally rows/);

    const after = await runProcess('aggregates-verify.ts', [], env);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toContain('The aggregates agree with a recomputation from raw responses (3 responses, 6 tally rows).');
  }, 90_000);
});
