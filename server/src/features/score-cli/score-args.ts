import { parseArgs } from 'node:util';
import { CalendarDate } from '../../api/units.schemas.ts';

export interface ScoreOptions {
  survey: { key: string; version: number };
  responsesFile: string;
  unitsFile?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  format: 'json' | 'csv';
}

export const SCORE_USAGE =
  'usage: npm run score -- --definition <key>@<version> --responses <file.csv> [--units <file.csv>] ' +
  '[--from <YYYY-MM-DD> --to <YYYY-MM-DD>] --format json|csv';

const DEFINITION = /^([a-z0-9]+(?:-[a-z0-9]+)*)@([1-9]\d*)$/;

/** The command line of `npm run score`, or what is wrong with it (the command exits 2 with the usage). */
export function parseScoreArgs(argv: string[]): { ok: true; options: ScoreOptions } | { ok: false; message: string } {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        definition: { type: 'string' },
        responses: { type: 'string' },
        units: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const definition = DEFINITION.exec(values.definition ?? '');
  if (!definition) return { ok: false, message: '--definition must be <key>@<version>, e.g. sipas-2017@1' };
  if (!values.responses) return { ok: false, message: '--responses <file.csv> is required' };
  if (values.format !== 'json' && values.format !== 'csv') return { ok: false, message: '--format must be json or csv' };
  for (const name of ['from', 'to'] as const) {
    const value = values[name];
    if (value !== undefined && !CalendarDate.safeParse(value).success) return { ok: false, message: `--${name} must be a date YYYY-MM-DD` };
  }
  if (values.from && values.to && values.from > values.to) return { ok: false, message: '--to must not be before --from' };
  return {
    ok: true,
    options: {
      survey: { key: definition[1]!, version: Number(definition[2]) },
      responsesFile: values.responses,
      unitsFile: values.units,
      from: values.from,
      to: values.to,
      format: values.format,
    },
  };
}
