import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { sortErrors, type ImportError } from './csv-table.ts';
import { forgetCachedUnits } from './unit-cache.ts';
import { parseUnitsCsv, type ParsedUnits } from './units.csv.ts';
import { planUnitImport, type PlannedRow, type UnitRef } from './units.import-plan.ts';
import { insertUnits, loadRegistry, lockUnitRegistry, replacePredecessors, updateUnit, type UnitValues } from './units.queries.ts';

/** What an import did (or, in a dry run, would do). Nothing is written when `errors` is not empty. */
export interface ImportReport {
  dryRun: boolean;
  /** True when the rows were stored (no errors and not a dry run). */
  committed: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: ImportError[];
}

export interface ImportOptions {
  dryRun?: boolean;
}

/** Thrown inside the transaction to roll a dry run back after counting. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

/** Imports a unit CSV file (see UNIT_COLUMNS): all rows in one transaction, or none when any row is bad. */
export async function importUnitsCsv(db: Kysely<Database>, text: string, options: ImportOptions = {}): Promise<ImportReport> {
  return importUnits(db, parseUnitsCsv(text), options);
}

/**
 * Checks parsed rows against the registry and applies them in one transaction. Idempotent: a row equal
 * to its stored unit (same code and valid_from) counts as unchanged and is not written.
 */
export async function importUnits(db: Kysely<Database>, parsed: ParsedUnits, options: ImportOptions = {}): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  try {
    const report = await db.transaction().execute(async (trx) => {
      await lockUnitRegistry(trx);
      const registry = await loadRegistry(trx);
      const plan = planUnitImport(parsed.rows, parsed.invalidCodes, registry.units, registry.links);
      const errors = sortErrors([...parsed.errors, ...plan.errors]);
      const inserted = plan.rows.filter((p) => p.existingId === null).length;
      const updated = plan.rows.filter((p) => p.existingId !== null && (p.unitChanged || p.lineageChanged)).length;
      const report: ImportReport = {
        dryRun,
        committed: false,
        rows: parsed.recordCount,
        inserted: errors.length > 0 ? 0 : inserted,
        updated: errors.length > 0 ? 0 : updated,
        unchanged: errors.length > 0 ? 0 : plan.rows.length - inserted - updated,
        errors,
      };
      if (errors.length > 0) return report;
      await applyPlan(trx, plan.rows);
      if (dryRun) throw new DryRunRollback(report);
      return { ...report, committed: true };
    });
    // Responses check unit codes through a cache; a new or changed unit must count from now on.
    if (report.committed && report.inserted + report.updated > 0) forgetCachedUnits(db);
    return report;
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
}

async function applyPlan(trx: Parameters<typeof insertUnits>[0], rows: PlannedRow[]): Promise<void> {
  const ids = rows.map((p) => p.existingId);
  const idOf = (ref: UnitRef): number => {
    const id = 'id' in ref ? ref.id : ids[ref.row];
    if (id === null || id === undefined) throw new Error('unit import: a reference was used before its unit was stored');
    return id;
  };
  const values = (p: PlannedRow): UnitValues => ({
    code: p.row.code,
    name_vi: p.row.nameVi,
    name_en: p.row.nameEn,
    full_name_vi: p.row.fullNameVi,
    type: p.row.type,
    level: p.row.level,
    parent_id: p.parent ? idOf(p.parent) : null,
    region: regionOf(p.row.groupTags),
    valid_from: p.row.validFrom,
    valid_to: p.row.validTo,
    group_tags: p.row.groupTags,
  });

  // New units level by level, so each parent has its id before its children are written.
  const maxDepth = Math.max(0, ...rows.map((p) => p.depth));
  for (let depth = 0; depth <= maxDepth; depth++) {
    const batch = rows.map((p, i) => ({ p, i })).filter(({ p }) => p.existingId === null && p.depth === depth);
    if (batch.length === 0) continue;
    const stored = await insertUnits(trx, batch.map(({ p }) => values(p)));
    for (const { p, i } of batch) ids[i] = stored.get(`${p.row.code} ${p.row.validFrom}`) ?? null;
  }
  for (const p of rows) {
    if (p.existingId !== null && p.unitChanged) await updateUnit(trx, p.existingId, values(p));
  }
  const lineage = rows.flatMap((p, i) =>
    p.lineageChanged
      ? [{ successorId: idOf({ row: i }), replace: p.existingId !== null, predecessors: p.predecessors.map((link) => ({ id: idOf(link.ref), kind: link.kind })) }]
      : [],
  );
  await replacePredecessors(trx, lineage);
}

/** The `region:` tag, kept in units.region (from migration 0001) for the most common grouping. */
function regionOf(tags: string[]): string | null {
  const tag = tags.find((t) => t.startsWith('region:'));
  return tag ? tag.slice('region:'.length) : null;
}
