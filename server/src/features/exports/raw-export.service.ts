import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { toCsv } from '../../http/csv.ts';
import { readRawResponseBatch } from './raw-export.queries.ts';
import { rawExportHeader, rawRowWriter } from './raw-layout.ts';
import type { ResponseScope } from './response-scope.ts';

const BATCH_SIZE = 2000;

/**
 * The raw export as CSV text chunks: the BOM and header first, then one chunk per batch of responses, unit by
 * unit (the scope's order) and by response id within a unit. Memory stays at one batch whatever the size.
 */
export async function* rawResponsesCsv(db: Kysely<Database>, scope: ResponseScope): AsyncGenerator<string> {
  const header = rawExportHeader(scope.definition);
  const toRow = rawRowWriter(scope.definition);
  // Papa ends a header without rows with its own line break, to which toCsv adds one: keep a single one.
  yield toCsv(header, []).replace(/(\r\n)+$/, '\r\n');
  for (const unit of scope.units) {
    let afterId: string | null = null;
    for (;;) {
      const batch = await readRawResponseBatch(db, scope, unit, afterId, BATCH_SIZE);
      if (batch.length === 0) break;
      yield csvLines(header, batch.map(toRow));
      if (batch.length < BATCH_SIZE) break;
      afterId = batch.at(-1)!.id;
    }
  }
}

/** toCsv without its BOM and header line, for the chunks after the first (header names hold no line break). */
function csvLines(header: string[], rows: Parameters<typeof toCsv>[1]): string {
  const csv = toCsv(header, rows);
  return csv.slice(csv.indexOf('\r\n') + 2);
}

/** A file name saying what the export holds: raw-responses_sipas-2017-v1_92_2025-01-01_2025-12-31.csv. */
export function rawExportFileName(scope: ResponseScope, subtree: boolean): string {
  const { definition, unit, range } = scope;
  const dates = [range.from ?? 'start', range.to ?? 'today'].join('_');
  return `raw-responses_${definition.key}-v${definition.version}_${unit.code}${subtree ? '-subtree' : ''}_${dates}.csv`;
}
