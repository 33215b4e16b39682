// npm run score -- --definition <key>@<version> --responses <file.csv> [--units <file.csv>] [--from --to] --format json|csv:
// the scoring engine over a CSV in the raw export layout (server/docs/exports.md), with no database.
import { runScoreCommand } from '../server/src/features/score-cli/score-command.ts';

process.exitCode = await runScoreCommand(process.argv.slice(2), {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  print: (text) => process.stdout.write(text),
  printError: (line) => console.error(line),
});
