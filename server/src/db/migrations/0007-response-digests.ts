import { sql, type Kysely } from 'kysely';
import * as responseTallies from './0005-response-tallies.ts';

// Reproducibility (issue #5, point 7): each tally row also keeps an order-independent digest of the ids of
// the responses it counts, so a result can state which responses it was computed from without reading them.
//   id_digest   Σ h(id) mod 2^60 over the row's responses, h(id) = the first 15 hex digits of md5(id::text)
//               read as a 60-bit number (server/docs/reproducibility.md; the same sum in
//               server/src/features/results/fingerprint.ts). A sum, not a XOR: a response counted twice
//               (a bug) then shows, and a delete subtracts its hash.
// Replaces the trigger functions and the recomputation view of migration 0005 with copies that also keep
// the digest (frozen in time like 0005: no application code), so aggregates:rebuild recomputes it and
// aggregates:verify compares it. The rest of the tally rules are unchanged.

const KEY = 'unit_id, survey_key, survey_version, grain, period_start';
const MODULUS = '1152921504606846976'; // 2^60
const ID_HASH = `('x' || substr(md5(c.id::text), 1, 15))::bit(60)::bigint`;

function versionMaps(): string {
  return `
    select survey_key, survey_version,
           jsonb_object_agg(question_id, jsonb_build_array(ordinal, criterion)) as questions,
           6 * count(*)::int as size,
           min(satisfied_levels) as satisfied_levels
      from tally_questions
     group by 1, 2`;
}

/** As in 0005, with each response's id hash carried through and summed modulo 2^60 per row. */
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
  )
  select unit_id, survey_key, survey_version, g.grain, g.period_start,
         sum(sign)::int as respondents,
         tally_slots(slots, sign, size) as level_counts,
         coalesce(sum(sign) filter (where share is not null), 0)::int as scored,
         coalesce(sum(sign * share), 0) as share_sum,
         coalesce(sum(sign * share * share), 0) as share_sq_sum,
         mod(mod(sum(sign * id_hash), ${MODULUS}) + ${MODULUS}, ${MODULUS})::bigint as id_digest
    from per_response
   cross join lateral (values ('day', local_date),
                              ('month', date_trunc('month', local_date::timestamp)::date),
                              ('year', date_trunc('year', local_date::timestamp)::date)) g(grain, period_start)
   group by 1, 2, 3, 4, 5
   order by 1, 2, 3, 4, 5`;
}

const changedFrom = (relation: string, sign: 1 | -1) =>
  `select id, unit_id, survey_key, survey_version, local_date, answers, ${sign} as sign from ${relation}`;

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

/** The trigger functions of this migration (also what 0011's down() goes back to). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function createTriggerFunctions(db: Kysely<any>): Promise<void> {
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
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table response_tallies add column id_digest bigint not null default 0`.execute(db);
  // A view can gain a column only at its end: the new column is last in both, so `select *` still lines up.
  await sql.raw(`create or replace view response_tallies_recomputed as ${tallySelect(changedFrom('responses', 1), versionMaps())}`).execute(db);
  await createTriggerFunctions(db);
  // Responses stored before this migration: their rows get the digest (the other columns are unchanged).
  await sql`
    update response_tallies t
       set id_digest = r.id_digest
      from response_tallies_recomputed r
     where (r.unit_id, r.survey_key, r.survey_version, r.grain, r.period_start)
         = (t.unit_id, t.survey_key, t.survey_version, t.grain, t.period_start)`.execute(db);
}

/** Back to 0005 exactly: its objects dropped and made again, the tallies recomputed from raw responses. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await responseTallies.down(db);
  await responseTallies.up(db);
}
