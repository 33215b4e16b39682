// Reads definitions/<key>/v<version>.json from disk. The only module here that does Node I/O.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDefinition, type DefinitionIssue } from './check-definitions.ts';
import { SurveyDefinition } from './definition.schema.ts';

export const DEFINITIONS_DIR = fileURLToPath(new URL('../definitions/', import.meta.url));

export type LoadedDefinition = { definition: SurveyDefinition; file: string; hash: string };

/** One file under the definitions folder; `definition` is set only when there are no problems. */
export type DefinitionFile = {
  file: string;
  hash: string;
  definition?: SurveyDefinition;
  problems: DefinitionIssue[];
};

const VERSION_FILE = /^v(\d+)\.json$/;

const byVersion = (a: string, b: string) =>
  Number(VERSION_FILE.exec(a)?.[1] ?? NaN) - Number(VERSION_FILE.exec(b)?.[1] ?? NaN) || a.localeCompare(b);

/** Every .json file under `dir` (absolute paths): definitions, and misplaced files so they get reported. */
function listJsonFiles(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (!entry.isDirectory()) return entry.name.endsWith('.json') ? [full] : [];
    const files = readdirSync(full).filter((name) => name.endsWith('.json'));
    return files.sort(byVersion).map((name) => path.join(full, name));
  });
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function checkFile(dir: string, file: string): DefinitionFile {
  const bytes = readFileSync(file);
  const hash = sha256(bytes);
  const [folder, name, ...deeper] = path.relative(dir, file).split(path.sep);
  if (name === undefined || deeper.length > 0 || !name.startsWith('v')) {
    const message = 'not a definition file: expected <key>/v<version>.json';
    return { file, hash, problems: [{ path: '(file)', message }] };
  }

  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return { file, hash, problems: [{ path: '(file)', message: `invalid JSON: ${(error as Error).message}` }] };
  }

  const problems = checkDefinition(json);
  // Checked on the raw values so a misnamed file is reported together with any schema problems.
  const raw = (typeof json === 'object' && json !== null ? json : {}) as { key?: unknown; version?: unknown };
  if (typeof raw.key === 'string' && raw.key !== folder) {
    problems.push({ path: 'key', message: `"${raw.key}" does not match the folder name "${folder}"` });
  }
  if (typeof raw.version === 'number' && `v${raw.version}.json` !== name) {
    problems.push({ path: 'version', message: `${raw.version} does not match the file name "${name}"` });
  }
  if (problems.length > 0) return { file, hash, problems };
  return { file, hash, definition: SurveyDefinition.parse(json), problems };
}

/** Checks every file; never throws for a bad definition (the CLI prints them all). */
export function checkDefinitionFiles(dir: string = DEFINITIONS_DIR): DefinitionFile[] {
  return listJsonFiles(dir).map((file) => checkFile(dir, file));
}

export type DefinitionFileProblem = DefinitionIssue & { file: string };

export class DefinitionLoadError extends Error {
  readonly problems: DefinitionFileProblem[];
  constructor(problems: DefinitionFileProblem[]) {
    const lines = problems.map((p) => `${path.relative(process.cwd(), p.file)}: ${p.path}: ${p.message}`);
    super(`invalid survey definitions:\n${lines.join('\n')}`);
    this.name = 'DefinitionLoadError';
    this.problems = problems;
  }
}

/** Loads every definition, sorted by key then version; throws DefinitionLoadError listing all problems. */
export function loadDefinitions(dir: string = DEFINITIONS_DIR): LoadedDefinition[] {
  const files = checkDefinitionFiles(dir);
  const problems = files.flatMap(({ file, problems }) => problems.map((p) => ({ file, ...p })));
  if (problems.length > 0) throw new DefinitionLoadError(problems);
  return files.map(({ file, hash, definition }) => ({ file, hash, definition: definition as SurveyDefinition }));
}
