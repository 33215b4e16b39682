// Synthetic SIPAS 2017 units and responses for the benchmarks (bench:aggregates, bench:report), loaded into a
// PostgreSQL server with INSERT … SELECT over generate_series, so the tally triggers of migration 0005 run as
// they do for real writes.
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from '../server/src/db/database.ts';

// Each response: a random unit and day of the span, every criterion at a random level (5 % n/a), feedback
// given by 30 % (else its four criteria are hidden), plus the non-scored questions a real response carries.
const INSERT = (table: string) => `
  insert into ${table} (id, survey_key, survey_version, unit_id, channel, locale, local_date, answers, content_hash)
  select gen_random_uuid(), 'sipas-2017', 1, ($1::int[])[1 + floor(random() * array_length($1::int[], 1))::int], 'kiosk', 'vi',
         $4::date + floor(random() * $5::int)::int,
         (select jsonb_object_agg(q, case when random() < 0.05 then to_jsonb('na'::text) else to_jsonb(1 + floor(random() * 5)::int) end)
            from unnest($2::text[]) q
           where g > 0 and (f or q not like 'feedback%'))
         || jsonb_build_object('feedback_given', f, 'gender', 'female', 'age_band', 'a35_49', 'improvement_priorities', jsonb_build_array('staff')),
         md5(g::text)
    from (select g, random() < 0.3 as f from generate_series(1, $3::int) g) s`;

export const REGIONS = ['Bắc', 'Trung', 'Nam'];

/**
 * Provinces of 99 communes each until `count` units exist (1,000 units = 10 provinces + 990 communes);
 * provinces tagged region:Bắc/Trung/Nam in turn, so rankings within groups have work to do.
 */
export async function createSyntheticUnits(db: Kysely<Database>, count: number, validFrom: string) {
  const unitIds: number[] = [];
  const provinceIds: number[] = [];
  const provinceCodes: string[] = [];
  for (let p = 0; unitIds.length < count; p++) {
    const province = await db
      .insertInto('units')
      .values({
        code: `B${p}`,
        name_vi: `Tỉnh ${p}`,
        full_name_vi: `Tỉnh ${p}`,
        type: 'tỉnh',
        level: 'province',
        valid_from: validFrom,
        group_tags: [`region:${REGIONS[p % REGIONS.length]}`],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    provinceIds.push(province.id);
    provinceCodes.push(`B${p}`);
    unitIds.push(province.id);
    const communes = Math.min(99, count - unitIds.length);
    if (communes === 0) continue;
    const rows = await db
      .insertInto('units')
      .values(
        Array.from({ length: communes }, (_, i) => ({
          code: `B${p}-${i}`,
          name_vi: `Xã ${p}-${i}`,
          full_name_vi: `Xã ${p}-${i}`,
          type: 'xã',
          level: 'commune',
          parent_id: province.id,
          valid_from: validFrom,
        })),
      )
      .returning('id')
      .execute();
    unitIds.push(...rows.map((r) => r.id));
  }
  return { unitIds, provinceIds, provinceCodes };
}

export interface SyntheticLoad {
  table: string;
  count: number;
  unitIds: readonly number[];
  criteria: readonly string[];
  /** Responses fall on random days from firstDay (YYYY-MM-DD) over `days` days. */
  firstDay: string;
  days: number;
  /** Rows per INSERT statement. */
  batch: number;
}

/** Loads `count` responses over 2 connections; returns responses per second. */
export async function loadSyntheticResponses(pool: pg.Pool, load: SyntheticLoad): Promise<number> {
  const started = performance.now();
  let left = Math.ceil(load.count / load.batch);
  await Promise.all(
    [0, 1].map(async () => {
      while (left-- > 0) await pool.query(INSERT(load.table), [load.unitIds, load.criteria, load.batch, load.firstDay, load.days]);
    }),
  );
  return (load.count / (performance.now() - started)) * 1000;
}

/** The value at percentile p (nearest rank) of ascending `sorted`. */
export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
