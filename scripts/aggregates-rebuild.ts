// npm run aggregates:rebuild — recomputes every aggregate (response_tallies) from raw responses in one
// transaction; responses arriving meanwhile wait for it. The embedded database: stop the server first.
import { runAggregatesCommand } from './aggregates-command.ts';
import { withConfiguredApp } from './configured-app.ts';

await withConfiguredApp(async (app) => {
  process.exitCode = await runAggregatesCommand(app.db, 'rebuild', process.argv.slice(2), console.log, console.error);
});
