// npm run procedures:import -- <file.csv> [--dry-run]: loads procedures (layout in README "Unit registry") into the configured database.
import { importProceduresCsv } from '../server/src/features/procedures/procedures-import.service.ts';
import { runImportCommand } from './import-common.ts';

process.exitCode = await runImportCommand({
  what: 'Procedures',
  script: 'procedures:import',
  importer: importProceduresCsv,
  argv: process.argv.slice(2),
  env: process.env,
  print: (line) => console.log(line),
  printError: (line) => console.error(line),
});
