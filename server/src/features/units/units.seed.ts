import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import Papa from 'papaparse';
import { REPO_ROOT } from '../../config.ts';
import type { Database } from '../../db/database.ts';

const PROVINCES_34_CSV = path.join(REPO_ROOT, 'server', 'data', 'provinces-34.csv');
/** The 34 provincial units exist from the 2025 merger (Nghị quyết 202/2025/QH15). */
const PROVINCES_34_VALID_FROM = '2025-07-01';

interface ProvinceRow {
  code: string;
  name_vi: string;
  full_name_vi: string;
  name_en: string;
  type: string;
}

/** Pure: the provinces CSV (with its `#` source lines) as rows; codes stay strings. */
export function parseProvincesCsv(text: string): ProvinceRow[] {
  const result = Papa.parse<ProvinceRow>(text, {
    header: true,
    comments: '#',
    skipEmptyLines: true,
    dynamicTyping: false,
  });
  if (result.errors.length > 0) {
    const first = result.errors[0]!;
    throw new Error(`provinces CSV, row ${first.row ?? '?'}: ${first.message}`);
  }
  return result.data;
}

/** Loads the starting set of units; safe to run at every start (existing rows are kept). */
export async function seedProvinces(db: Kysely<Database>): Promise<void> {
  const rows = parseProvincesCsv(await fs.readFile(PROVINCES_34_CSV, 'utf8'));
  await db
    .insertInto('units')
    .values(
      rows.map((row) => ({
        code: row.code,
        name_vi: row.name_vi,
        name_en: row.name_en || null,
        full_name_vi: row.full_name_vi,
        type: row.type,
        level: 'province',
        parent_id: null,
        region: null,
        valid_from: PROVINCES_34_VALID_FROM,
      })),
    )
    .onConflict((oc) => oc.columns(['code', 'valid_from']).doNothing())
    .execute();
}
