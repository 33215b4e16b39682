// npm run units:import -- <file.csv> [--dry-run]: loads units (layout in README "Unit registry") into the configured database.
import { importUnitsCsv } from '../server/src/features/units/units-import.service.ts';
import { runImportCommand } from './import-common.ts';

process.exitCode = await runImportCommand({
  what: 'Units',
  script: 'units:import',
  importer: importUnitsCsv,
  argv: process.argv.slice(2),
  env: process.env,
  print: (line) => console.log(line),
  printError: (line) => console.error(line),
});
