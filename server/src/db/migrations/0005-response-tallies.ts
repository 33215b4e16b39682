import { sql, type Kysely } from 'kysely';

// Aggregates of stored responses (issue #5), kept by statement-level triggers on `responses` in the same
// transaction as the write, whatever writes it (the group-commit writer, the demo seed, COPY, psql).
// Frozen in time: Kysely<any>, no application code; a later change of the tally rules replaces the
// functions and views in a new migration (and rebuilds).
//
// response_tallies: one row per unit, survey version and period, at three grains: day (period_start = the
// local date), month and year (period_start = the first day). A year for 1,000 units reads 1,000 rows
// however many responses there are; any range reads whole years + whole months + the remaining days.
//   respondents                 responses stored;
//   level_counts                answers per level question (satisfaction5 and scale4) and level: six slots per
//                               question, levels 1..5 then "na", questions in the order of tally_questions.
//                               Spec-agnostic: satisfied levels are applied when reading, so a published figure
//                               can be recomputed under another scoring spec;
//   scored, share_sum,          for the respondent-level overall method, under the version's own spec (versions
//   share_sq_sum                are immutable): respondents with a valid answer to a scored criterion, the sum
//                               of their own share satisfied (0–100) and of its square.
// One wide row rather than a row per question: a batch of 256 responses then upserts about 3 rows per unit
// instead of 3 × questions (measured on PostgreSQL 15: a row per question made ingest 35× slower).
//
// A share is rounded to 10 decimals before it is summed: numeric sums are then exact and independent of
// order, so the incremental tallies and a rebuild from raw responses agree to the last digit.

const KEY = 'unit_id, survey_key, survey_version, grain, period_start';

/** Per survey version: its level questions as a jsonb map id -> [ordinal, criterion], the vector size, the satisfied levels. */
function versionMaps(where = ''): string {
  return `
    select survey_key, survey_version,
           jsonb_object_agg(question_id, jsonb_build_array(ordinal, criterion)) as questions,
           6 * count(*)::int as size,
           min(satisfied_levels) as satisfied_levels
      from tally_questions
     ${where}
     group by 1, 2`;
}

/**
 * `changed` selects (unit_id, survey_key, survey_version, local_date, answers, sign): sign 1 for a response
 * that now counts, -1 for one that no longer does; `versions` selects their versionMaps. The result has the
 * columns of response_tallies, in key order. No join depends on row estimates (a transition table has none):
 * each response is read on its own against the jsonb map of its version's questions, then grouped once.
 */
function tallySelect(changed: string, versions: string): string {
  return `
  with versions as materialized (${versions}),
  per_response as (
    select c.unit_id, c.survey_key, c.survey_version, c.local_date, c.sign, coalesce(v.size, 0) as size, x.share, x.slots
      from (${changed}) c
      -- left: a version without level questions still counts its respondents
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
         coalesce(sum(sign * share * share), 0) as share_sq_sum
    from per_response
   cross join lateral (values ('day', local_date),
                              ('month', date_trunc('month', local_date::timestamp)::date),
                              ('year', date_trunc('year', local_date::timestamp)::date)) g(grain, period_start)
   group by 1, 2, 3, 4, 5
   order by 1, 2, 3, 4, 5`;
}

const changedFrom = (relation: string, sign: 1 | -1) =>
  `select unit_id, survey_key, survey_version, local_date, answers, ${sign} as sign from ${relation}`;

/**
 * Adds the tallies of `changed` to the stored ones. Rows go in key order, so concurrent batches lock the
 * rows they share in the same order and cannot deadlock. After a delete or an update, rows left with no
 * respondent go, so the table always equals a recomputation.
 */
function triggerFunction(name: string, changed: string, versionsOf: string, dropEmpty: boolean): string {
  const versions = `select * from tally_versions where (survey_key, survey_version) in (${versionsOf})`;
  return `
  create function ${name}() returns trigger language plpgsql set jit = off as $fn$
  begin
    insert into response_tallies as t (${KEY}, respondents, level_counts, scored, share_sum, share_sq_sum)
    ${tallySelect(changed, versions)}
    on conflict (${KEY}) do update
       set respondents = t.respondents + excluded.respondents,
           level_counts = tally_add(t.level_counts, excluded.level_counts),
           scored = t.scored + excluded.scored,
           share_sum = t.share_sum + excluded.share_sum,
           share_sq_sum = t.share_sq_sum + excluded.share_sq_sum;
    ${dropEmpty ? 'delete from response_tallies where unit_id in (select unit_id from deleted) and respondents = 0;' : ''}
    return null;
  end
  $fn$`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Elementwise sum of two count vectors (a missing element counts 0): the upsert's update.
  await sql`
    create function tally_add(a int[], b int[]) returns int[] language plpgsql immutable parallel safe as $fn$
    declare
      r int[] := a;
    begin
      for i in 1 .. greatest(cardinality(a), cardinality(b)) loop
        r[i] := coalesce(a[i], 0) + coalesce(b[i], 0);
      end loop;
      return r;
    end
    $fn$`.execute(db);
  // Counts `sign` at each slot of a response (slot numbers may repeat); the state starts as `size` zeros.
  await sql`
    create function tally_slots_step(state int[], slots int[], sign int, size int) returns int[]
      language plpgsql immutable parallel safe as $fn$
    declare
      slot int;
    begin
      if state is null then
        state := array_fill(0, array[size]);
      end if;
      if slots is not null then
        foreach slot in array slots loop
          state[slot] := state[slot] + sign;
        end loop;
      end if;
      return state;
    end
    $fn$`.execute(db);
  await sql`create aggregate tally_slots(int[], int, int) (sfunc = tally_slots_step, stype = int[], combinefunc = tally_add, parallel = safe)`.execute(db);

  // The level questions of each recorded version in definition order (slot 6·(ordinal−1)+level), whether each
  // is a scored criterion, and the version's satisfied levels. Read from the immutable content.
  await sql`
    create view tally_questions as
    select v.key as survey_key, v.version as survey_version,
           (row_number() over (partition by v.key, v.version order by s.i, q.i))::int as ordinal,
           q.question ->> 'id' as question_id,
           q.question ->> 'type' as question_type,
           exists (select 1
                     from jsonb_array_elements(v.content -> 'scoring' -> 'components') c
                    where c -> 'criteria' ? (q.question ->> 'id')) as criterion,
           array(select jsonb_array_elements_text(v.content -> 'scoring' -> 'satisfiedLevels')) as satisfied_levels
      from survey_versions v
     cross join lateral jsonb_array_elements(v.content -> 'sections') with ordinality s(section, i)
     cross join lateral jsonb_array_elements(s.section -> 'questions') with ordinality q(question, i)
     where q.question ->> 'type' in ('satisfaction5', 'scale4')`.execute(db);

  // The version maps the triggers use, kept when a version is recorded (parsing the content for every batch
  // cost 1.5 ms, most of a small batch). The recomputation reads the content itself, so a stale map would show.
  await db.schema
    .createTable('tally_versions')
    .addColumn('survey_key', 'text', (c) => c.notNull())
    .addColumn('survey_version', 'integer', (c) => c.notNull())
    .addColumn('questions', 'jsonb', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('satisfied_levels', sql`text[]`, (c) => c.notNull())
    .addPrimaryKeyConstraint('tally_versions_pkey', ['survey_key', 'survey_version'] as never)
    .addForeignKeyConstraint('tally_versions_version_fkey', ['survey_key', 'survey_version'] as never, 'survey_versions', ['key', 'version'] as never, (fk) => fk.onDelete('cascade'))
    .execute();
  await sql
    .raw(
      `create function survey_versions_tally() returns trigger language plpgsql as $fn$
       begin
         insert into tally_versions
         ${versionMaps('where survey_key = new.key and survey_version = new.version')}
         on conflict (survey_key, survey_version) do update
            set questions = excluded.questions, size = excluded.size, satisfied_levels = excluded.satisfied_levels;
         return null;
       end
       $fn$`,
    )
    .execute(db);
  await sql`create trigger survey_versions_tally after insert or update of content on survey_versions
    for each row execute function survey_versions_tally()`.execute(db);
  await sql.raw(`insert into tally_versions ${versionMaps()}`).execute(db);

  // Derived data: no foreign keys (a rebuild recreates every row; the responses' own keys guard the units).
  // Unit first in the key: every read names its units (a list, or a subtree resolved first), then one range per grain.
  await db.schema
    .createTable('response_tallies')
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('survey_key', 'text', (c) => c.notNull())
    .addColumn('survey_version', 'integer', (c) => c.notNull())
    .addColumn('grain', 'text', (c) => c.notNull().check(sql`grain in ('day', 'month', 'year')`))
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('respondents', 'integer', (c) => c.notNull())
    .addColumn('level_counts', sql`integer[]`, (c) => c.notNull())
    .addColumn('scored', 'integer', (c) => c.notNull())
    .addColumn('share_sum', 'numeric', (c) => c.notNull())
    .addColumn('share_sq_sum', 'numeric', (c) => c.notNull())
    .addPrimaryKeyConstraint('response_tallies_pkey', ['unit_id', 'survey_key', 'survey_version', 'grain', 'period_start'] as never)
    .execute();
  // Rows of today's day, month and year are updated by every batch: room on the page keeps updates HOT.
  await sql`alter table response_tallies set (fillfactor = 70)`.execute(db);

  // What the table must hold, computed from raw responses: the rebuild copies it, the check diffs against it.
  await sql.raw(`create view response_tallies_recomputed as ${tallySelect(changedFrom('responses', 1), versionMaps())}`).execute(db);

  const versionsIn = (relation: string) => `select survey_key, survey_version from ${relation}`;
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
  await sql`
    create function responses_tally_truncate() returns trigger language plpgsql as $fn$
    begin
      truncate response_tallies;
      return null;
    end
    $fn$`.execute(db);

  await sql`create trigger responses_tally_insert after insert on responses
    referencing new table as inserted for each statement execute function responses_tally_insert()`.execute(db);
  await sql`create trigger responses_tally_delete after delete on responses
    referencing old table as deleted for each statement execute function responses_tally_delete()`.execute(db);
  await sql`create trigger responses_tally_update after update on responses
    referencing old table as deleted new table as inserted for each statement execute function responses_tally_update()`.execute(db);
  await sql`create trigger responses_tally_truncate after truncate on responses
    for each statement execute function responses_tally_truncate()`.execute(db);

  // Responses stored before this migration.
  await sql`insert into response_tallies select * from response_tallies_recomputed`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const op of ['insert', 'delete', 'update', 'truncate']) {
    await sql.raw(`drop trigger responses_tally_${op} on responses`).execute(db);
    await sql.raw(`drop function responses_tally_${op}()`).execute(db);
  }
  await sql`drop view response_tallies_recomputed`.execute(db);
  await db.schema.dropTable('response_tallies').execute();
  await sql`drop trigger survey_versions_tally on survey_versions`.execute(db);
  await sql`drop function survey_versions_tally()`.execute(db);
  await db.schema.dropTable('tally_versions').execute();
  await sql`drop view tally_questions`.execute(db);
  await sql`drop aggregate tally_slots(int[], int, int)`.execute(db);
  await sql`drop function tally_slots_step(int[], int[], int, int)`.execute(db);
  await sql`drop function tally_add(int[], int[])`.execute(db);
}
