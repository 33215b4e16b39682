import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ImportOptions, ImportReport } from '../units/units-import.service.ts';
import { parseProceduresCsv, type ParsedProcedures, type ProcedureImportRow } from './procedures.csv.ts';
import { insertProcedures, loadProcedures, lockProcedureCatalogue, updateProcedure, type ProcedureValues } from './procedures.queries.ts';
import { foldForSearch } from './procedures.search.ts';

class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

/** Imports a procedure CSV file (see PROCEDURE_COLUMNS): all rows in one transaction, or none when any row is bad. */
export async function importProceduresCsv(db: Kysely<Database>, text: string, options: ImportOptions = {}): Promise<ImportReport> {
  return importProcedures(db, parseProceduresCsv(text), options);
}

/** Upserts by code; a row equal to the stored procedure counts as unchanged and is not written. */
export async function importProcedures(
  db: Kysely<Database>,
  parsed: ParsedProcedures,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const base = { dryRun, committed: false, rows: parsed.recordCount, inserted: 0, updated: 0, unchanged: 0 };
  if (parsed.errors.length > 0) return { ...base, errors: parsed.errors };
  try {
    return await db.transaction().execute(async (trx) => {
      await lockProcedureCatalogue(trx);
      const stored = new Map((await loadProcedures(trx)).map((p) => [p.code, p]));
      const inserts: ProcedureValues[] = [];
      const updates: Array<{ id: number; values: ProcedureValues }> = [];
      for (const row of parsed.rows) {
        const values = toValues(row);
        const existing = stored.get(row.code);
        if (!existing) inserts.push(values);
        else if (!sameProcedure(existing, values)) updates.push({ id: existing.id, values });
      }
      await insertProcedures(trx, inserts);
      for (const update of updates) await updateProcedure(trx, update.id, update.values);
      const report: ImportReport = {
        ...base,
        inserted: inserts.length,
        updated: updates.length,
        unchanged: parsed.rows.length - inserts.length - updates.length,
        errors: [],
      };
      if (dryRun) throw new DryRunRollback(report);
      return { ...report, committed: true };
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
}

function toValues(row: ProcedureImportRow): ProcedureValues {
  return {
    code: row.code,
    name_vi: row.nameVi,
    field: row.field,
    promulgating_agency: row.promulgatingAgency,
    executing_agency: row.executingAgency,
    catalogue_type: row.catalogueType,
    state: row.state,
    portal_url: row.portalUrl,
    search_text: foldForSearch(`${row.code} ${row.nameVi} ${row.field}`),
  };
}

function sameProcedure(stored: Omit<ProcedureValues, 'search_text'>, values: ProcedureValues): boolean {
  return (
    stored.name_vi === values.name_vi &&
    stored.field === values.field &&
    stored.promulgating_agency === values.promulgating_agency &&
    stored.executing_agency === values.executing_agency &&
    stored.catalogue_type === values.catalogue_type &&
    stored.state === values.state &&
    stored.portal_url === values.portal_url
  );
}
