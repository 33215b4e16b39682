import fs from 'node:fs/promises';
import path from 'node:path';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { SurveyDefinition } from '@sipas/survey-definitions/schema';
import type { ImportError } from '../units/csv-table.ts';
import { parseUnitsCsv } from '../units/units.csv.ts';
import { scoreResponses, type ScoredUnitKey } from './offline-scores.ts';
import { parseRawResponsesCsv, type ScoredResponse } from './raw-responses-csv.ts';
import { parseScoreArgs, SCORE_USAGE } from './score-args.ts';
import { buildScoreReport, scoreReportCsv } from './score-report.ts';
import { ancestorsOf, buildHierarchy, type HierarchyUnit } from './unit-hierarchy.ts';

export interface ScoreCommandIo {
  /** Where relative paths start (npm's INIT_CWD: the directory npm was called from). */
  cwd: string;
  /** The result (stdout), and problems (stderr). */
  print: (text: string) => void;
  printError: (text: string) => void;
  /** The survey definitions folder (tests use fixtures); the repository's by default. */
  definitionsDir?: string;
}

/**
 * The body of `npm run score`: the scoring engine over a raw responses CSV, with no database. Exit codes:
 * 0 scored; 1 a file has bad rows (each listed on stderr with line, column and reason; no result printed);
 * 2 usage, an unknown survey version or an unreadable file.
 */
export async function runScoreCommand(argv: string[], io: ScoreCommandIo): Promise<number> {
  const parsed = parseScoreArgs(argv);
  if (!parsed.ok) {
    io.printError(`${parsed.message}\n${SCORE_USAGE}`);
    return 2;
  }
  const { options } = parsed;
  const loaded = loadDefinitions(io.definitionsDir).find(
    ({ definition }) => definition.key === options.survey.key && definition.version === options.survey.version,
  );
  if (!loaded) {
    io.printError(`No survey definition ${options.survey.key}@${options.survey.version}\n${SCORE_USAGE}`);
    return 2;
  }
  const { definition } = loaded;

  const responsesFile = path.resolve(io.cwd, options.responsesFile);
  const unitsFile = options.unitsFile === undefined ? undefined : path.resolve(io.cwd, options.unitsFile);
  const texts = await readFiles([responsesFile, ...(unitsFile ? [unitsFile] : [])], io);
  if (!texts) return 2;

  const checked = checkFiles(definition, { file: responsesFile, text: texts[0]! }, unitsFile ? { file: unitsFile, text: texts[1]! } : undefined);
  if ('problems' in checked) {
    const total = checked.problems.reduce((sum, p) => sum + p.errors.length, 0);
    io.printError(`${total} error${total === 1 ? '' : 's'}, nothing scored:`);
    for (const { file, errors } of checked.problems) {
      for (const e of errors) io.printError(`  ${file}: line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${e.reason}`);
    }
    return 1;
  }
  const { responses, unitOfResponse } = checked;

  const selected = responses.filter(
    (r) => (options.from === undefined || r.localDate >= options.from) && (options.to === undefined || r.localDate <= options.to),
  );
  // With a units file a response counts in its unit and in each unit above it; without, in its unit code.
  const keyOf = (unit: HierarchyUnit) => `${unit.code}@${unit.validFrom}`;
  const hierarchyUnits = new Map<string, HierarchyUnit>();
  const groupsOf = (index: number): ScoredUnitKey[] => {
    const response = selected[index]!;
    const unit = unitOfResponse(response);
    if (!unit) return [{ key: response.unitCode, unitCode: response.unitCode }];
    return ancestorsOf(unit).map((u) => {
      hierarchyUnits.set(keyOf(u), u);
      return { key: keyOf(u), unitCode: u.code };
    });
  };
  const scores = scoreResponses(definition.scoring, selected, groupsOf);
  const report = buildScoreReport(definition, options, scores, (key) => hierarchyUnits.get(key));
  io.print(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : scoreReportCsv(definition, report));
  return 0;
}

type FileProblems = Array<{ file: string; errors: ImportError[] }>;

/** Every row of both files checked; with a units file, each response must name a unit valid on its date. */
function checkFiles(
  definition: SurveyDefinition,
  responsesFile: { file: string; text: string },
  unitsFile: { file: string; text: string } | undefined,
): { responses: ScoredResponse[]; unitOfResponse: (response: ScoredResponse) => HierarchyUnit | undefined } | { problems: FileProblems } {
  const raw = parseRawResponsesCsv(responsesFile.text, definition);
  const responseErrors = [...raw.errors];
  const problems: FileProblems = [{ file: responsesFile.file, errors: responseErrors }];
  let unitOfResponse: (response: ScoredResponse) => HierarchyUnit | undefined = () => undefined;
  if (unitsFile) {
    const units = parseUnitsCsv(unitsFile.text);
    const hierarchy = buildHierarchy(units.rows);
    problems.push({ file: unitsFile.file, errors: [...units.errors, ...hierarchy.problems] });
    unitOfResponse = (response) => hierarchy.unitOn(response.unitCode, response.localDate);
    // Checked for every response, in the range or not: the file must fit the units file as a whole.
    for (const r of raw.responses) {
      if (!unitOfResponse(r)) responseErrors.push({ line: r.line, column: 'unit_code', reason: `no unit ${r.unitCode} valid on ${r.localDate} in the units file` });
    }
    responseErrors.sort((a, b) => a.line - b.line);
  }
  if (problems.some((p) => p.errors.length > 0)) return { problems };
  return { responses: raw.responses, unitOfResponse };
}

async function readFiles(files: string[], io: ScoreCommandIo): Promise<string[] | undefined> {
  try {
    return await Promise.all(files.map((file) => fs.readFile(file, 'utf8')));
  } catch (error) {
    io.printError(`Cannot read ${(error as NodeJS.ErrnoException).path ?? 'a file'}: ${(error as Error).message}`);
    return undefined;
  }
}
