import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { Database } from '../server/src/db/database.ts';
import { rebuildTallies, verifyTallies, type VerifyReport } from '../server/src/features/aggregates/aggregates.service.ts';

/**
 * The body of `npm run aggregates:rebuild` and `npm run aggregates:verify` on an open database.
 * Exit codes: 0 done / the aggregates agree; 1 the aggregates differ from raw responses; 2 usage.
 */
export async function runAggregatesCommand(
  db: Kysely<Database>,
  command: 'rebuild' | 'verify',
  argv: string[],
  print: (line: string) => void,
  printError: (line: string) => void,
): Promise<number> {
  let values: { json?: boolean; limit?: string };
  try {
    values = parseArgs({
      args: argv,
      options: command === 'verify' ? { json: { type: 'boolean' }, limit: { type: 'string' } } : {},
      strict: true,
    }).values as typeof values;
  } catch (error) {
    printError(`${(error as Error).message}\n${USAGE[command]}`);
    return 2;
  }
  if (command === 'rebuild') {
    const report = await rebuildTallies(db);
    print(
      `Rebuilt the aggregates from ${count(report.responses, 'response')}: ${count(report.tallyRows, 'tally row')} ` +
        `in ${(report.milliseconds / 1000).toFixed(1)} s.`,
    );
    return 0;
  }
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    printError(`--limit must be a positive whole number\n${USAGE.verify}`);
    return 2;
  }
  const report = await verifyTallies(db, { limit });
  if (values.json) print(JSON.stringify(report, null, 2));
  else for (const line of formatVerifyReport(report)) print(line);
  return report.total === 0 ? 0 : 1;
}

const USAGE = {
  rebuild: 'usage: npm run aggregates:rebuild',
  verify: 'usage: npm run aggregates:verify [-- --limit <rows shown, default 50>] [--json]',
};

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

export function formatVerifyReport(report: VerifyReport): string[] {
  const base = `${count(report.responses, 'response')}, ${count(report.tallyRows, 'tally row')}`;
  if (report.total === 0) return [`The aggregates agree with a recomputation from raw responses (${base}).`];
  const lines = [`The aggregates differ from a recomputation from raw responses (${base}): ${count(report.total, 'row')} differ.`];
  for (const d of report.differences) {
    const unit = d.unitCode === null ? `unit id ${d.unitId}` : `unit ${d.unitCode} (id ${d.unitId})`;
    lines.push(`  ${unit} ${d.surveyKey}@${d.surveyVersion} ${d.grain} ${d.periodStart}`);
    for (const problem of d.problems) lines.push(`    ${problem}`);
  }
  if (report.total > report.differences.length) lines.push(`  … and ${count(report.total - report.differences.length, 'more row')}`);
  lines.push('Run `npm run aggregates:rebuild` to recompute them from the responses.');
  return lines;
}
