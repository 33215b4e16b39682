import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImportCommand } from '../../scripts/import-common.ts';
import { REPO_ROOT } from '../../server/src/config.ts';
import { importProceduresCsv } from '../../server/src/features/procedures/procedures-import.service.ts';
import { importUnitsCsv } from '../../server/src/features/units/units-import.service.ts';
import { createServerDatabase, testDrivers } from '../support/test-database.ts';

const HEADER = 'code,name_vi,name_en,full_name_vi,level,type,parent_code,valid_from,valid_to,group_tags,merged_from,merged_partial';
const GOOD = [
  '# two departments of Cần Thơ (test data)',
  HEADER,
  '92-SNV,Sở Nội vụ,,Sở Nội vụ thành phố Cần Thơ,department,sở,92,2025-07-01,,,,',
  '92-STP,Sở Tư pháp,,Sở Tư pháp thành phố Cần Thơ,department,sở,92,2025-07-01,,,,',
].join('\n');
// Line 3: a parent not valid on that date (district 916 ended 30/06/2025); line 4: no name.
const BAD = GOOD.replace(',sở,92,2025-07-01,,,,\n', ',sở,916,2025-07-01,,,,\n').replace('92-STP,Sở Tư pháp,', '92-STP,,');

/** The real command as `npm run units:import -- …` runs it; resolves with its exit code and output. */
function runProcess(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'import-units.ts'), ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

/** The same command body in this process (starting a process costs seconds), capturing what it prints. */
async function runInProcess(what: 'Units' | 'Procedures', argv: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImportCommand({
    what,
    script: what === 'Units' ? 'units:import' : 'procedures:import',
    importer: what === 'Units' ? importUnitsCsv : importProceduresCsv,
    argv,
    env: { ...env, LOG_LEVEL: 'silent' },
    print: (line) => out.push(line),
    printError: (line) => err.push(line),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe.each(testDrivers())('the import commands on %s PostgreSQL', (driver) => {
  let dir: string;
  let env: Record<string, string>;
  const cleanups: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sipas-import-'));
    cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
    await fs.writeFile(path.join(dir, 'good.csv'), GOOD);
    await fs.writeFile(path.join(dir, 'bad.csv'), BAD);
    if (driver === 'embedded') env = { DATA_DIR: path.join(dir, 'data') };
    else {
      const database = await createServerDatabase();
      cleanups.push(database.drop);
      env = { DATABASE_URL: database.url };
    }
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('prints every error of a dry run and exits 1', async () => {
    const result = await runProcess([path.join(dir, 'bad.csv'), '--dry-run'], env);
    expect(result.stdout).toBe(
      [
        `Units import of ${path.join(dir, 'bad.csv')} (dry run): 2 rows`,
        '2 errors, nothing stored:',
        '  line 3, column parent_code: no unit 916 valid on 2025-07-01',
        '  line 4, column name_vi: required',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(1);
  });

  it('stores nothing from a file with errors, then imports a clean file and exits 0', async () => {
    expect((await runInProcess('Units', [path.join(dir, 'bad.csv')], env)).code).toBe(1);
    const dryRun = await runInProcess('Units', [path.join(dir, 'good.csv'), '--dry-run'], env);
    expect(dryRun.stdout).toContain('would insert 2, update 0, leave 0 unchanged; nothing stored (dry run)');
    expect(dryRun.code).toBe(0);

    const result = await runProcess([path.join(dir, 'good.csv')], env);
    expect(result.stdout).toContain('inserted 2, updated 0, unchanged 0');
    expect(result.code).toBe(0);
  });

  it('finds nothing to change when the same file is imported again', async () => {
    const again = await runInProcess('Units', [path.join(dir, 'good.csv')], env);
    expect(again.stdout).toContain('inserted 0, updated 0, unchanged 2');
    expect(again.code).toBe(0);
  });

  it('imports procedures the same way', async () => {
    const file = path.join(dir, 'procedures.csv');
    await fs.writeFile(
      file,
      'code,name_vi,field,promulgating_agency,executing_agency,catalogue_type,state,portal_url\n' +
        '1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Bộ Tư pháp,Ủy ban nhân dân cấp xã,STANDARD,UPDATED,\n' +
        '9.9,Bad,Hộ tịch,,,,,\n',
    );
    const result = await runInProcess('Procedures', [file, '--dry-run'], env);
    expect(result.stdout).toContain('  line 3, column code: "9.9" is not a procedure code such as 1.001193');
    expect(result.code).toBe(1);
  });

  it.each([
    [['--dryrun'], 'Usage: npm run units:import -- <file.csv> [--dry-run]\nUnknown option: --dryrun'],
    [['a.csv', 'b.csv'], 'Usage: npm run units:import -- <file.csv> [--dry-run]'],
    [['/nonexistent/units.csv'], 'Cannot read /nonexistent/units.csv'],
  ])('explains a wrong call %j and exits 2', async (argv, message) => {
    const result = await runInProcess('Units', argv, env);
    expect(result.stderr).toContain(message);
    expect(result.code).toBe(2);
  });
});
