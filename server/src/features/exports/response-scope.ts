import { sql, type Kysely } from 'kysely';
import type { SurveyDefinition } from '@sipas/survey-definitions/schema';
import type { ResponseScopeQuery } from '../../api/exports.schemas.ts';
import type { Database } from '../../db/database.ts';
import { NotFoundError } from '../../http/errors.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { findUnitValidOn } from '../units/units.queries.ts';

/** Local dates, both inclusive; an absent end is open. */
export interface OpenDateRange {
  from?: string | undefined;
  to?: string | undefined;
}

export interface ScopeUnit {
  id: number;
  code: string;
  nameVi: string;
}

/** What the raw export, the comments and the breakdowns read: a survey version, a unit (and its subtree), dates. */
export interface ResponseScope {
  definition: SurveyDefinition;
  unit: ScopeUnit;
  range: OpenDateRange;
  /** The unit first, then (for a subtree) the units below it, by code. */
  units: ScopeUnit[];
}

/** Resolves the survey version and the unit of a query; 404 naming what is unknown. Authorization is the caller's. */
export async function resolveResponseScope(
  db: Kysely<Database>,
  catalog: SurveyCatalog,
  query: ResponseScopeQuery,
  options: { subtree: boolean; today: string },
): Promise<ResponseScope> {
  const loaded = query.version === undefined ? catalog.latestPublished(query.survey) : catalog.get(query.survey, query.version);
  if (!loaded) throw new NotFoundError(`Unknown survey ${query.survey}${query.version ? ` version ${query.version}` : ''}`);
  const found = await findUnitValidOn(db, query.unit, query.to ?? options.today);
  if (!found) throw new NotFoundError(`Unknown unit ${query.unit}`);
  const unit = { id: found.id, code: found.code, nameVi: found.name_vi };
  const range = { from: query.from, to: query.to };
  const units = options.subtree ? await listSubtreeUnits(db, unit.id, range) : [unit];
  return { definition: loaded.definition, unit, range, units };
}

/**
 * The unit and every unit below it (units.parent_id), keeping only those valid at some time in the range,
 * as the aggregates do for a subtree.
 */
async function listSubtreeUnits(db: Kysely<Database>, rootId: number, range: OpenDateRange): Promise<ScopeUnit[]> {
  const startsInTime = range.to ? sql`c.valid_from <= ${range.to}::date` : sql`true`;
  const endsInTime = range.from ? sql`(c.valid_to is null or c.valid_to >= ${range.from}::date)` : sql`true`;
  const { rows } = await sql<{ id: number; code: string; name_vi: string; depth: number }>`
    with recursive tree(id, depth) as (
      select ${rootId}::int, 0
      union all
      select c.id, t.depth + 1
        from units c
        join tree t on c.parent_id = t.id
       where ${startsInTime} and ${endsInTime}
    )
    select u.id, u.code, u.name_vi, t.depth
      from tree t
      join units u on u.id = t.id
     order by t.depth = 0 desc, u.code, u.id`.execute(db);
  return rows.map((row) => ({ id: row.id, code: row.code, nameVi: row.name_vi }));
}

/** The condition on responses `r` of a scope (all its units, or those given), as a parameterised fragment. */
export function responsesInScope(scope: ResponseScope, unitIds: readonly number[] = scope.units.map((u) => u.id)) {
  const { from, to } = scope.range;
  return sql`r.unit_id = any(${[...unitIds]}::int[])
         and r.survey_key = ${scope.definition.key}
         and r.survey_version = ${scope.definition.version}
         and ${from ? sql`r.local_date >= ${from}::date` : sql`true`}
         and ${to ? sql`r.local_date <= ${to}::date` : sql`true`}`;
}
