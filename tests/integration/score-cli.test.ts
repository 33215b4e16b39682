import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import { sql } from 'kysely';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.ts';
import { DEMO_UNITS } from '../../server/src/demo/demo-responses.ts';
import { toCsv } from '../../server/src/http/csv.ts';
import { runScoreCommand } from '../../server/src/features/score-cli/score-command.ts';
import type { ScoreReport, ScoreReportUnit } from '../../server/src/features/score-cli/score-report.ts';
import { UNIT_COLUMNS } from '../../server/src/features/units/units.csv.ts';
import { vietnamDate } from '../../server/src/local-date.ts';
import { adminHeaders } from '../support/admin-session.ts';
import { answerAll } from '../support/answers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

// Done when (issue 5): `npm run score` over the raw export of the demo data reproduces the API's numbers exactly.

const definition = loadDefinitions().find((d) => d.definition.key === 'sipas-2017' && d.definition.version === 1)!.definition;
const BOM = '\uFEFF';

/** The real command as `npm run score -- …` runs it. */
function runProcess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'score.ts'), ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

/** The same command body in this process (a process costs seconds), capturing what it prints. */
async function runInProcess(args: string[], cwd: string) {
  let stdout = '';
  const stderr: string[] = [];
  const code = await runScoreCommand(args, { cwd, print: (text) => (stdout += text), printError: (line) => stderr.push(line) });
  return { code, stdout, stderr: stderr.join('\n') };
}

describe.each(testDrivers())('npm run score on %s PostgreSQL', (driver) => {
  let t: TestApp;
  let headers: Record<string, string>;
  let dir: string;
  let communes: string[];
  const today = vietnamDate(new Date());
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 400 * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sipas-score-'));
    t = await createTestApp(driver, { demoData: 'on' });
    headers = await adminHeaders(t.app);
    // Two communes of Cần Thơ get responses too, so the units file's hierarchy (commune -> province) counts.
    const rows = await sql<{ code: string }>`
      select c.code from units c join units p on p.id = c.parent_id
       where p.code = '92' and p.valid_to is null and c.valid_to is null order by c.code limit 2`.execute(t.app.db);
    communes = rows.rows.map((r) => r.code);
    for (const [i, unit] of communes.entries()) {
      for (const level of [5, 2, 4] as const) {
        const answers = answerAll(definition, level, { access_seats: 'na', staff_polite: i === 0 ? 3 : level });
        const res = await t.app.inject({ method: 'POST', url: '/api/responses', payload: { survey: 'sipas-2017', version: 1, unit, answers } });
        expect(res.statusCode, res.body).toBe(201);
      }
    }

    // The demo's provinces exported through the API (each with its subtree), in one file with one header.
    const parts: string[] = [];
    for (const unit of DEMO_UNITS) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/exports/responses.csv?survey=sipas-2017&version=1&unit=${unit.code}&subtree=true`,
        headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      parts.push(parts.length === 0 ? res.body : res.body.slice(res.body.indexOf('\r\n') + 2));
    }
    await fs.writeFile(path.join(dir, 'responses.csv'), parts.join(''));

    // Today's units in the layout of `npm run units:import`.
    const units = await sql<Record<string, string | null>>`
      select u.code, u.name_vi, u.name_en, u.full_name_vi, u.level, u.type, p.code as parent_code,
             to_char(u.valid_from, 'YYYY-MM-DD') as valid_from, null as valid_to, null as group_tags,
             null as merged_from, null as merged_partial
        from units u left join units p on p.id = u.parent_id
       where u.valid_to is null order by u.code`.execute(t.app.db);
    await fs.writeFile(path.join(dir, 'units.csv'), toCsv(UNIT_COLUMNS, units.rows.map((row) => UNIT_COLUMNS.map((c) => row[c] ?? null))));
  }, 180_000);
  afterAll(async () => {
    await t.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** The API's figures for a unit, in the shape the command prints. */
  async function apiFigures(unit: string, subtree: boolean) {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/results?survey=sipas-2017&version=1&unit=${unit}&from=${from}&to=${today}&subtree=${subtree}`,
      headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  /** Every figure of a unit of the command's report equals the API's, to the last bit. */
  function expectSameFigures(cli: ScoreReportUnit, api: Awaited<ReturnType<typeof apiFigures>>) {
    expect(cli.responses).toBe(api.respondents);
    expect({
      share: cli.overall.share,
      interval: cli.overall.interval,
      intervalMethod: cli.overall.intervalMethod,
      n: cli.n,
      validAnswers: cli.overall.validAnswers,
      belowMinimum: cli.overall.belowMinimum,
    }).toEqual({
      share: api.overall.share,
      interval: api.overall.interval,
      intervalMethod: api.overall.intervalMethod,
      n: api.overall.n,
      validAnswers: api.overall.validAnswers,
      belowMinimum: api.overall.belowMinimum,
    });
    expect(
      cli.components.map((c) => ({
        id: c.id,
        share: c.share,
        interval: c.interval,
        n: c.validAnswers,
        criteria: c.criteria.map((k) => ({ id: k.id, satisfied: k.satisfied, n: k.valid, share: k.share, interval: k.interval })),
      })),
    ).toEqual(
      api.components.map((c: Record<string, unknown> & { criteria: Array<Record<string, unknown>> }) => ({
        id: c.id,
        share: c.share,
        interval: c.interval,
        n: c.n,
        criteria: c.criteria.map((k) => ({ id: k.id, satisfied: k.satisfied, n: k.n, share: k.share, interval: k.interval })),
      })),
    );
    expect(cli.fingerprint).toEqual(api.fingerprint);
  }

  it('reproduces the API’s numbers for every unit, and up the hierarchy with --units', async () => {
    const result = await runProcess([
      '--definition', 'sipas-2017@1',
      '--responses', path.join(dir, 'responses.csv'),
      '--units', path.join(dir, 'units.csv'),
      '--format', 'json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as ScoreReport;
    expect(report.units.map((u) => u.unitCode).sort()).toEqual([...DEMO_UNITS.map((u) => u.code), ...communes].sort());
    const canTho = report.units.find((u) => u.unitCode === '92')!;
    expect(canTho.unit).toMatchObject({ level: 'province', parentCode: null });
    expect(canTho.responses).toBe(DEMO_UNITS.find((u) => u.code === '92')!.count + 6);
    for (const unit of report.units) expectSameFigures(unit, await apiFigures(unit.unitCode, true));
  }, 120_000);

  it('without --units scores each unit code on its own responses, as the API with subtree=false', async () => {
    const result = await runInProcess(['--definition', 'sipas-2017@1', '--responses', 'responses.csv', '--format', 'json'], dir);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as ScoreReport;
    expect(report.units).toHaveLength(DEMO_UNITS.length + communes.length);
    for (const unit of report.units) {
      expect(unit.unit).toBeUndefined();
      expectSameFigures(unit, await apiFigures(unit.unitCode, false));
    }
  });

  it('keeps to --from and --to, and prints CSV with one row per unit', async () => {
    const rows = Papa.parse<string[]>((await fs.readFile(path.join(dir, 'responses.csv'), 'utf8')).slice(BOM.length), { skipEmptyLines: true }).data;
    const dates = rows.slice(1).map((r) => r[4]!).sort();
    const middle = dates[Math.floor(dates.length / 2)]!;
    const result = await runInProcess(
      ['--definition', 'sipas-2017@1', '--responses', 'responses.csv', '--from', from, '--to', middle, '--format', 'csv'],
      dir,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.startsWith(BOM)).toBe(true);
    const csv = Papa.parse<Record<string, string>>(result.stdout.slice(BOM.length), { header: true, skipEmptyLines: true }).data;
    const api = await t.app.inject({
      method: 'GET',
      url: `/api/results?survey=sipas-2017&version=1&unit=01&from=${from}&to=${middle}&subtree=false`,
      headers,
    });
    const haNoi = csv.find((r) => r.unit_code === '01')!;
    expect(Number(haNoi.responses)).toBe(api.json().respondents);
    expect(Number(haNoi.overall_share)).toBe(api.json().overall.share);
    expect(Number(haNoi['access.access_seats_share'])).toBe(api.json().components[0].criteria[0].share);
    expect(haNoi.responses_digest).toBe(api.json().fingerprint.responsesDigest);
    expect(csv.reduce((sum, r) => sum + Number(r.responses), 0)).toBe(dates.filter((d) => d <= middle).length);
  });
});

describe('npm run score: bad input', () => {
  let dir: string;
  const header = (text: string) => text.split('\r\n')[0]!;
  let good: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sipas-score-bad-'));
    const columns = ['response_id', 'survey_key', 'survey_version', 'unit_code', 'local_date', 'channel', 'locale', 'procedure_code', 'from_receipt'];
    const questions = definition.sections.flatMap((s) => s.questions.map((q) => q.id));
    const answers = answerAll(definition, 4);
    const leading: Record<string, string | number | null> = {
      survey_key: 'sipas-2017', survey_version: 1, unit_code: '92', local_date: '2026-01-15', channel: 'web', locale: 'vi', procedure_code: null, from_receipt: 0,
    };
    const coded = (q: string) => {
      const value = answers[q];
      return value === undefined ? null : Array.isArray(value) ? value.join(';') : typeof value === 'boolean' ? (value ? 1 : 0) : value;
    };
    const row = (id: string, overrides: Record<string, string | number | null> = {}) => {
      const cells: Record<string, string | number | null> = { ...leading, response_id: id, ...Object.fromEntries(questions.map((q) => [q, coded(q)])), ...overrides };
      return [...columns, ...questions].map((column) => cells[column] ?? null);
    };
    good = toCsv([...columns, ...questions], [row('a1'), row('a2')]);
    const bad = toCsv(
      [...columns, ...questions],
      [
        row('a1'),
        row('a2', { access_seats: 7, unit_code: '' }),
        row('a1', { local_date: '31/02/2026' }),
        row('a4', { improvement_priorities: 'staff;nope', feedback_channel_exists: 5 }),
      ],
    );
    await fs.writeFile(path.join(dir, 'good.csv'), good);
    await fs.writeFile(path.join(dir, 'bad.csv'), bad);
    await fs.writeFile(path.join(dir, 'wrong-header.csv'), good.replace(',comment,', ',remarks,'));
  });
  afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

  it('lists every bad row with line, column and reason, prints no result and exits 1', async () => {
    const result = await runInProcess(['--definition', 'sipas-2017@1', '--responses', 'bad.csv', '--format', 'json'], dir);
    const file = path.join(dir, 'bad.csv');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      '6 errors, nothing scored:',
      `  ${file}: line 3, column unit_code: required`,
      `  ${file}: line 3, column access_seats: must be an integer from 1 to 5 or "na"`,
      `  ${file}: line 4, column response_id: "a1" appears twice (first on line 2)`,
      `  ${file}: line 4, column local_date: "31/02/2026" is not a date (YYYY-MM-DD or DD/MM/YYYY)`,
      `  ${file}: line 5, column feedback_channel_exists: question is hidden by its condition (feedback_given)`,
      `  ${file}: line 5, column improvement_priorities: unknown option code "nope"`,
    ]);
  });

  it('with --units, reports a response whose unit the file lacks and the units file’s own errors', async () => {
    const units = [
      UNIT_COLUMNS.join(','),
      '01,Hà Nội,,Thành phố Hà Nội,province,thành phố,,2025-07-01,,,,',
      '0101,Phường X,,Phường X,ward,phường,01,2025-07-01,,,,',
    ].join('\n');
    await fs.writeFile(path.join(dir, 'units-bad.csv'), units);
    const result = await runInProcess(['--definition', 'sipas-2017@1', '--responses', 'good.csv', '--units', 'units-bad.csv', '--format', 'json'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      '3 errors, nothing scored:',
      `  ${path.join(dir, 'good.csv')}: line 2, column unit_code: no unit 92 valid on 2026-01-15 in the units file`,
      `  ${path.join(dir, 'good.csv')}: line 3, column unit_code: no unit 92 valid on 2026-01-15 in the units file`,
      `  ${path.join(dir, 'units-bad.csv')}: line 3, column level: "ward" is not one of province, district, commune, department, office`,
    ]);
  });

  it('names the columns of a wrong header', async () => {
    const result = await runInProcess(['--definition', 'sipas-2017@1', '--responses', 'wrong-header.csv', '--format', 'csv'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 1, column remarks: unknown column');
    expect(result.stderr).toContain('line 1, column comment: missing column in the header');
    expect(header(good)).toContain(',comment,');
  });

  it.each([
    [[], '--definition must be <key>@<version>'],
    [['--definition', 'sipas-2017', '--responses', 'good.csv', '--format', 'json'], '--definition must be <key>@<version>'],
    [['--definition', 'sipas-2017@1', '--format', 'json'], '--responses <file.csv> is required'],
    [['--definition', 'sipas-2017@1', '--responses', 'good.csv', '--format', 'xml'], '--format must be json or csv'],
    [['--definition', 'sipas-2017@1', '--responses', 'good.csv', '--format', 'json', '--from', '2026-13-01'], '--from must be a date'],
    [['--definition', 'sipas-2017@1', '--responses', 'good.csv', '--format', 'json', '--bogus'], "Unknown option '--bogus'"],
    [['--definition', 'sipas-2017@9', '--responses', 'good.csv', '--format', 'json'], 'No survey definition sipas-2017@9'],
    [['--definition', 'sipas-2017@1', '--responses', 'missing.csv', '--format', 'json'], 'Cannot read'],
  ])('exits 2 with the usage for %j', async (args, message) => {
    const result = await runInProcess(args, dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    if (!message.startsWith('Cannot read')) expect(result.stderr).toContain('usage: npm run score -- --definition <key>@<version>');
  });

  it('as a command: exit 2 and the usage on stderr', async () => {
    const result = await runProcess(['--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('usage: npm run score');
  }, 60_000);
});
