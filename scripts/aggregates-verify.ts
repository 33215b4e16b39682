// npm run aggregates:verify [-- --limit N] [--json] — compares the aggregates with a recomputation from raw
// responses; exit 1 and the differing rows (unit, survey version, grain, period, what differs) when they differ.
import { runAggregatesCommand } from './aggregates-command.ts';
import { withConfiguredApp } from './configured-app.ts';

await withConfiguredApp(async (app) => {
  process.exitCode = await runAggregatesCommand(app.db, 'verify', process.argv.slice(2), console.log, console.error);
});
