import { Migrator, type Kysely, type Migration } from 'kysely';
import * as initial from './migrations/0001-initial.ts';
import * as unitRegistry from './migrations/0002-unit-registry.ts';
import * as receiptTokens from './migrations/0003-receipt-tokens.ts';
import * as kioskDevices from './migrations/0004-kiosk-devices.ts';
import * as responseTallies from './migrations/0005-response-tallies.ts';
import * as accounts from './migrations/0006-accounts.ts';
import * as responseDigests from './migrations/0007-response-digests.ts';
import * as responsesUnitIdOrder from './migrations/0008-responses-unit-id-order.ts';
import * as responseTalliesByPeriod from './migrations/0009-response-tallies-by-period.ts';
import * as responsesByDate from './migrations/0010-responses-by-date.ts';
import * as fasterTallies from './migrations/0011-faster-tallies.ts';

/** Listed explicitly (not read from disk) so the order is reviewable and nothing depends on the CWD. */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-unit-registry': unitRegistry,
  '0003-receipt-tokens': receiptTokens,
  '0004-kiosk-devices': kioskDevices,
  '0005-response-tallies': responseTallies,
  '0006-accounts': accounts,
  '0007-response-digests': responseDigests,
  '0008-responses-unit-id-order': responsesUnitIdOrder,
  '0009-response-tallies-by-period': responseTalliesByPeriod,
  '0010-responses-by-date': responsesByDate,
  '0011-faster-tallies': fasterTallies,
};

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Database migration failed${name}: ${String(error)}`, { cause: error });
  }
}
