// `npm run check -w @sipas/survey-definitions [dir]`: validates every file under definitions/.
import path from 'node:path';
import { checkDefinitionFiles, DEFINITIONS_DIR } from './load-definitions.ts';

const dir = process.argv[2] ? path.resolve(process.argv[2]) : DEFINITIONS_DIR;
const files = checkDefinitionFiles(dir);
const show = (file: string) => path.relative(process.cwd(), file);

for (const { file, problems } of files) {
  if (problems.length === 0) console.log(`OK ${show(file)}`);
  for (const problem of problems) console.error(`${show(file)}: ${problem.path}: ${problem.message}`);
}
if (files.length === 0) console.error(`no definitions found in ${show(dir)}`);
process.exitCode = files.length === 0 || files.some((f) => f.problems.length > 0) ? 1 : 0;
