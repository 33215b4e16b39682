import { sql, type Kysely } from 'kysely';
import { createTriggerFunctions as createTriggerFunctions0007 } from './0007-response-digests.ts';

// The tally triggers (0005, 0007) were most of the database's CPU under ingest: perf during bench:ingest at
// 16 connections put 70 % of the writing backend's time in the insert trigger, a third in two plpgsql
// functions. Same tallies, less work; each step measured with EXPLAIN ANALYZE on a batch of 8 responses
// from 8 units (24 tally rows) and with bench:ingest (BENCHMARKS.md):
//
// 1. tally_add adds a batch's count vector to a stored row once per row: its loop visited every slot (174 for
//    SIPAS 2017) though a batch adds to few (29 per response) with small counts. It now finds the slots
//    holding 1, 2, 3 or 4 with array_positions (C, one pass each) and adds only those; any other vector (a
//    delete's negative counts, larger counts, different lengths, nulls) takes the old loop, so every input
//    gives the same result. Upsert 0.93 -> 0.66 ms; bench:ingest +23 % responses/s.
// 2. The triggers count each response's slots once, into its day (tally_slots), and make the month and year
//    rows by adding the day vectors (tally_sum): a month row of one day is that day's vector, no addition.
//    They used to count every response three times, once per grain. Upsert 0.64 -> 0.57 ms.
//
// The recomputation view keeps its own definition (0007): the same figures, by another path, which is what
// aggregates:verify compares against.

const KEY = 'unit_id, survey_key, survey_version, grain, period_start';
const MODULUS = '1152921504606846976'; // 2^60, as in 0007
const ID_HASH = `('x' || substr(md5(c.id::text), 1, 15))::bit(60)::bigint`;

/** tally_add as 0005 defined it, r starting as a: every element of both vectors, a missing or null one counting 0. */
const ELEMENTWISE_SUM = `
      for i in 1 .. greatest(cardinality(a), cardinality(b)) loop
        r[i] := coalesce(a[i], 0) + coalesce(b[i], 0);
      end loop;
      return r;`;

/** As 0007's, but grouped by day first: one count vector per unit and day, added up into months and years. */
function tallySelect(changed: string, versions: string): string {
  return `
  with versions as materialized (${versions}),
  per_response as (
    select c.unit_id, c.survey_key, c.survey_version, c.local_date, c.sign, ${ID_HASH} as id_hash,
           coalesce(v.size, 0) as size, x.share, x.slots
      from (${changed}) c
      left join versions v on v.survey_key = c.survey_key and v.survey_version = c.survey_version
     cross join lateral (
       select round(100.0 * count(*) filter (where q.criterion and a.value = any (v.satisfied_levels))
                    / nullif(count(*) filter (where q.criterion and a.value <> 'na'), 0), 10) as share,
              array_agg(6 * (q.ordinal - 1) + case a.value when 'na' then 6 else a.value::int end) as slots
         from jsonb_each_text(c.answers) a
        cross join lateral (select (v.questions -> a.key ->> 0)::int as ordinal,
                                   (v.questions -> a.key ->> 1)::boolean as criterion) q
        where v.questions ? a.key and a.value in ('1', '2', '3', '4', '5', 'na')
     ) x
  ),
  per_day as (
    select unit_id, survey_key, survey_version, local_date,
           sum(sign)::int as respondents,
           tally_slots(slots, sign, size) as level_counts,
           coalesce(sum(sign) filter (where share is not null), 0)::int as scored,
           coalesce(sum(sign * share), 0) as share_sum,
           coalesce(sum(sign * share * share), 0) as share_sq_sum,
           sum(sign * id_hash) as id_hash_sum
      from per_response
     group by 1, 2, 3, 4
  )
  select unit_id, survey_key, survey_version, g.grain, g.period_start,
         sum(respondents)::int as respondents,
         tally_sum(level_counts) as level_counts,
         sum(scored)::int as scored,
         sum(share_sum) as share_sum,
         sum(share_sq_sum) as share_sq_sum,
         mod(mod(sum(id_hash_sum), ${MODULUS}) + ${MODULUS}, ${MODULUS})::bigint as id_digest
    from per_day
   cross join lateral (values ('day', local_date),
                              ('month', date_trunc('month', local_date::timestamp)::date),
                              ('year', date_trunc('year', local_date::timestamp)::date)) g(grain, period_start)
   group by 1, 2, 3, 4, 5
   order by 1, 2, 3, 4, 5`;
}

const changedFrom = (relation: string, sign: 1 | -1) =>
  `select id, unit_id, survey_key, survey_version, local_date, answers, ${sign} as sign from ${relation}`;

/** As 0007's: rows upserted in key order (no deadlocks), rows left without respondents removed. */
function triggerFunction(name: string, changed: string, versionsOf: string, dropEmpty: boolean): string {
  const versions = `select * from tally_versions where (survey_key, survey_version) in (${versionsOf})`;
  return `
  create or replace function ${name}() returns trigger language plpgsql set jit = off as $fn$
  begin
    insert into response_tallies as t (${KEY}, respondents, level_counts, scored, share_sum, share_sq_sum, id_digest)
    ${tallySelect(changed, versions)}
    on conflict (${KEY}) do update
       set respondents = t.respondents + excluded.respondents,
           level_counts = tally_add(t.level_counts, excluded.level_counts),
           scored = t.scored + excluded.scored,
           share_sum = t.share_sum + excluded.share_sum,
           share_sq_sum = t.share_sq_sum + excluded.share_sq_sum,
           id_digest = mod(t.id_digest + excluded.id_digest, ${MODULUS});
    ${dropEmpty ? 'delete from response_tallies where unit_id in (select unit_id from deleted) and respondents = 0;' : ''}
    return null;
  end
  $fn$`;
}

const versionsIn = (relation: string) => `select survey_key, survey_version from ${relation}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create or replace function tally_add(a int[], b int[]) returns int[] language plpgsql immutable parallel safe as $fn$
    declare
      r int[] := a;
      -- elements of b still to add: the non-zero ones (a null counts as non-zero, and sends b to the loop)
      remaining int := cardinality(b) - cardinality(array_positions(b, 0));
      positions int[];
      v int := 1;
      i int;
    begin
      if cardinality(a) = cardinality(b) and array_position(a, null) is null then
        while remaining > 0 and v <= 4 loop
          positions := array_positions(b, v);
          foreach i in array positions loop
            r[i] := r[i] + v;
          end loop;
          remaining := remaining - cardinality(positions);
          v := v + 1;
        end loop;
        if remaining = 0 then
          return r;
        end if;
        r := a;
      end if;
      ${ELEMENTWISE_SUM}
    end
    $fn$`).execute(db);
  // Strict, so the sum of one vector is that vector: the aggregate starts from its first input, no addition.
  await sql`create function tally_sum_step(a int[], b int[]) returns int[] language sql immutable strict parallel safe
            return tally_add(a, b)`.execute(db);
  await sql`create aggregate tally_sum(int[]) (sfunc = tally_sum_step, stype = int[])`.execute(db);

  await sql.raw(triggerFunction('responses_tally_insert', changedFrom('inserted', 1), versionsIn('inserted'), false)).execute(db);
  await sql.raw(triggerFunction('responses_tally_delete', changedFrom('deleted', -1), versionsIn('deleted'), true)).execute(db);
  await sql
    .raw(
      triggerFunction(
        'responses_tally_update',
        `${changedFrom('inserted', 1)} union all ${changedFrom('deleted', -1)}`,
        `${versionsIn('inserted')} union ${versionsIn('deleted')}`,
        true,
      ),
    )
    .execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await createTriggerFunctions0007(db);
  await sql`drop aggregate tally_sum(int[])`.execute(db);
  await sql`drop function tally_sum_step(int[], int[])`.execute(db);
  // 0005's body: the loop alone.
  await sql.raw(`
    create or replace function tally_add(a int[], b int[]) returns int[] language plpgsql immutable parallel safe as $fn$
    declare
      r int[] := a;
    begin
      ${ELEMENTWISE_SUM}
    end
    $fn$`).execute(db);
}
