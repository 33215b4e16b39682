import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { coarsestGrain, sliceRange, type Bucket, type DateRange } from '../aggregates/period-slices.ts';
import type { Predecessor } from './history.ts';

/** Dates leave the database as YYYY-MM-DD text, whatever the driver's date parsing. */
const isoDate = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

/** The units a unit was made from (unit_lineage), with their validity. */
export async function listPredecessors(db: Kysely<Database>, unitId: number): Promise<Predecessor[]> {
  const rows = await db
    .selectFrom('unit_lineage as l')
    .innerJoin('units as u', 'u.id', 'l.predecessor_id')
    .select(['u.id', 'u.code', 'u.name_vi', 'l.kind'])
    .select([isoDate('u.valid_from').as('valid_from'), sql<string | null>`to_char(u.valid_to, 'YYYY-MM-DD')`.as('valid_to')])
    .where('l.successor_id', '=', unitId)
    .orderBy('u.code')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    nameVi: row.name_vi,
    kind: row.kind,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  }));
}

export interface DigestScope {
  surveyKey: string;
  surveyVersion: number;
  unitIds: readonly number[];
  range: DateRange;
  /** Each unit with every unit below it valid at some time in the range (as readTallies). */
  subtree: boolean;
  bucket?: Bucket;
}

export interface DigestRow {
  /** First day of the bucket; null without buckets. */
  period: string | null;
  responses: number;
  /** Σ id_digest mod 2^60 of the rows read, as 15 hex digits (fingerprint.ts). */
  digest: string;
}

const MODULUS = '1152921504606846976'; // 2^60, as in migration 0007

/**
 * Responses and their ids digest for a set of units counted together (a unit once), from the tallies: the
 * same whole years, months and days that readCriterionTallies reads, so both describe the same responses.
 */
export async function readDigests(db: Kysely<Database>, scope: DigestScope): Promise<DigestRow[]> {
  if (scope.unitIds.length === 0) return [];
  const { range } = scope;
  const slices = sliceRange(range, coarsestGrain(scope.bucket));
  const descendants = scope.subtree
    ? sql`union
          select c.id
            from units c
            join scope s on c.parent_id = s.unit_id
           where c.valid_from <= ${range.to}::date and (c.valid_to is null or c.valid_to >= ${range.from}::date)`
    : sql``;
  const period = scope.bucket ? sql`to_char(date_trunc(${scope.bucket}, t.period_start::timestamp), 'YYYY-MM-DD')` : sql`null::text`;
  const { rows } = await sql<{ period: string | null; responses: number; digest: string }>`
    with recursive scope(unit_id) as (
      select id from units where id = any(${[...scope.unitIds]}::int[])
      ${descendants}
    ),
    slices(grain, first_start, last_start) as (
      values ${sql.join(slices.map((s) => sql`(${s.grain}, ${s.from}::date, ${s.to}::date)`))}
    )
    select ${period} as period,
           sum(t.respondents)::int as responses,
           lpad(to_hex(mod(sum(t.id_digest), ${sql.raw(MODULUS)})::bigint), 15, '0') as digest
      from scope s
     cross join slices p
      join response_tallies t
        on t.unit_id = s.unit_id
       and t.survey_key = ${scope.surveyKey}
       and t.survey_version = ${scope.surveyVersion}
       and t.grain = p.grain
       and t.period_start between p.first_start and p.last_start
     group by 1
     order by 1`.execute(db);
  return rows;
}
