import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { coarsestGrain, sliceRange, type Bucket, type DateRange, type GrainSlice } from './period-slices.ts';
import { parseIntegers, type TallyQuestion } from './tally-vectors.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface TallyScope {
  surveyKey: string;
  surveyVersion: number;
  /** Local dates, both inclusive. */
  range: DateRange;
  /** The units reported on. */
  unitIds: readonly number[];
  /**
   * Each unit counts the responses of its whole subtree (units.parent_id), keeping only the units below it
   * that were valid at some time in the range.
   */
  subtree?: boolean;
  /** 'unit' (default): a figure per unit asked for; 'all': one figure for all of them (a unit counted once). */
  groupBy?: 'unit' | 'all';
  /** Split by calendar month, quarter or year (trends); absent: one figure for the whole range. */
  bucket?: Bucket;
}

/** Summed tallies of one unit (or of all) in one bucket (or the whole range). */
export interface TallyRow {
  unitId: number | null;
  /** First day of the bucket (YYYY-MM-DD); null without buckets. */
  period: string | null;
  /** Responses stored. */
  respondents: number;
  /** Respondents with a valid answer to a scored criterion (the version's own spec). */
  scored: number;
  shareSum: number;
  shareSqSum: number;
  /** The raw level-count vector (decode with the version's tally questions). */
  levelCounts: number[];
}

/**
 * Reads the tallies of a set of units over a date range: whole years, whole months and the remaining days
 * (period-slices.ts), one index range per slice, summed in the database. Its cost follows
 * units × slices × (groups), never the number of responses. Units without responses have no row.
 */
export async function readTallies(db: Db, scope: TallyScope): Promise<TallyRow[]> {
  if (scope.unitIds.length === 0) return [];
  const size = (await listTallyQuestions(db, scope.surveyKey, scope.surveyVersion)).length * 6;
  const slots = Array.from({ length: size }, (_, i) => [i + 1]);
  const rows = await readSummed(db, groupedScope(scope), slots);
  return rows.map((row) => ({
    unitId: unitIdOf(scope, row.key),
    period: row.period,
    respondents: row.respondents,
    scored: row.scored,
    shareSum: row.shareSum,
    shareSqSum: row.shareSqSum,
    levelCounts: row.sums,
  }));
}

/** A summed tally row reduced to one spec's criteria: satisfied and valid answers, in the order asked. */
export interface CriterionTallyRow extends Omit<TallyRow, 'levelCounts'> {
  satisfied: number[];
  valid: number[];
  /** The ids digest of the responses counted (fingerprint.ts): Σ id_digest mod 2^60, 15 hex digits. */
  digest: string;
}

/**
 * Like readTallies, with the satisfied levels applied in the database: per criterion (given by its ordinal
 * among the version's tally questions) the answers at a satisfied level and at levels 1–5. The report path:
 * 2 numbers per criterion instead of 6 per level question.
 */
export async function readCriterionTallies(
  db: Db,
  scope: TallyScope,
  criteria: ReadonlyArray<{ ordinal: number }>,
  satisfiedLevels: readonly number[],
): Promise<CriterionTallyRow[]> {
  if (scope.unitIds.length === 0) return [];
  const rows = await readGroupedCriterionTallies(db, groupedScope(scope), criteria, satisfiedLevels);
  return rows.map(({ key, ...row }) => ({ ...row, unitId: unitIdOf(scope, key) }));
}

/** Units whose tallies are summed together (a unit counted once) over one range, under a key of the caller's. */
export interface TallyGroup {
  key: number;
  unitIds: readonly number[];
  range: DateRange;
}

/** Several groups, each with its own units and range, read in one query. */
export interface GroupedTallyScope {
  surveyKey: string;
  surveyVersion: number;
  groups: readonly TallyGroup[];
  /** As TallyScope.subtree: each unit with its subtree, the units below valid at some time in the group's range. */
  subtree?: boolean | undefined;
  bucket?: Bucket | undefined;
}

export interface GroupedCriterionTallyRow extends Omit<CriterionTallyRow, 'unitId'> {
  key: number;
}

/**
 * readCriterionTallies for groups that differ in range (a ranking's two periods, a merged unit's days read
 * from its predecessors): one query, a row per group (and bucket) with responses.
 */
export async function readGroupedCriterionTallies(
  db: Db,
  scope: GroupedTallyScope,
  criteria: ReadonlyArray<{ ordinal: number }>,
  satisfiedLevels: readonly number[],
): Promise<GroupedCriterionTallyRow[]> {
  const slotsOf = (ordinal: number, levels: readonly number[]) => levels.map((level) => 6 * (ordinal - 1) + level);
  const sums = [
    ...criteria.map((c) => slotsOf(c.ordinal, satisfiedLevels)),
    ...criteria.map((c) => slotsOf(c.ordinal, [1, 2, 3, 4, 5])),
  ];
  const rows = await readSummed(db, scope, sums);
  return rows.map(({ sums: values, ...row }) => ({ ...row, satisfied: values.slice(0, criteria.length), valid: values.slice(criteria.length) }));
}

/** A TallyScope as groups: a group per unit (its id as key), or one group (key 0) for groupBy 'all'. */
function groupedScope(scope: TallyScope): GroupedTallyScope {
  const byUnit = (scope.groupBy ?? 'unit') === 'unit';
  const groups = byUnit
    ? [...new Set(scope.unitIds)].map((id) => ({ key: id, unitIds: [id], range: scope.range }))
    : [{ key: 0, unitIds: scope.unitIds, range: scope.range }];
  return { surveyKey: scope.surveyKey, surveyVersion: scope.surveyVersion, groups, subtree: scope.subtree, bucket: scope.bucket };
}

const unitIdOf = (scope: TallyScope, key: number) => ((scope.groupBy ?? 'unit') === 'unit' ? key : null);

interface SummedRow {
  key: number;
  period: string | null;
  respondents: number;
  scored: number;
  shareSum: number;
  shareSqSum: number;
  sums: number[];
  digest: string;
}

const MODULUS = '1152921504606846976'; // 2^60: id digests are summed modulo it (migration 0007, fingerprint.ts)
/**
 * Units asked for from which a read scans each slice of the period index whole: fewer when each brings its
 * subtree (ten provinces are a thousand units).
 */
const PERIOD_FIRST_FROM = { units: 100, subtrees: 10 };

/** What a grouped read reads: its distinct ranges, their slices, and each group's units under the group's key. */
interface ReadPlan {
  ranges: DateRange[];
  slices: Array<GrainSlice & { rangeNo: number }>;
  members: Array<{ key: number; unitId: number; rangeNo: number }>;
  /** Each group is one unit on one row (one period, no subtree, no buckets): no grouping needed. */
  single: boolean;
  /** Scan each slice of the period index and hash-join, rather than look each unit up (see tallyJoin). */
  periodFirst: boolean;
}

function planRead(scope: GroupedTallyScope, groups: readonly TallyGroup[]): ReadPlan {
  const grain = coarsestGrain(scope.bucket);
  const rangeId = (range: DateRange) => `${range.from}|${range.to}`;
  const ranges = [...new Map(groups.map((g) => [rangeId(g.range), g.range])).values()];
  const rangeNo = new Map(ranges.map((range, i) => [rangeId(range), i]));
  const slices = ranges.flatMap((range, i) => sliceRange(range, grain).map((slice) => ({ ...slice, rangeNo: i })));
  const members = groups.flatMap((g) => [...new Set(g.unitIds)].map((unitId) => ({ key: g.key, unitId, rangeNo: rangeNo.get(rangeId(g.range))! })));
  const distinctKeys = new Set(groups.map((g) => g.key)).size === groups.length;
  const onePeriodEach = slices.length === ranges.length && slices.every((slice) => slice.from === slice.to);
  // Day slices stay lookups: every unit's days of a range can be many times the rows in scope.
  const manyUnits = members.length >= (scope.subtree ? PERIOD_FIRST_FROM.subtrees : PERIOD_FIRST_FROM.units);
  return {
    ranges,
    slices,
    members,
    single: !scope.subtree && !scope.bucket && distinctKeys && groups.every((g) => g.unitIds.length === 1) && onePeriodEach,
    periodFirst: manyUnits && slices.every((slice) => slice.grain !== 'day'),
  };
}

/**
 * The sums as one text "n,n,…" (column `sums`) and the row's figures, summed unless each group is one row.
 * Slot numbers are whole numbers computed by the caller, never input text: safe to inline.
 */
function summedColumns(sums: ReadonlyArray<readonly number[]>, single: boolean) {
  for (const slots of sums) {
    if (!slots.every((slot) => Number.isInteger(slot) && slot > 0)) throw new RangeError(`bad slots ${slots.join(',')}`);
  }
  const total = (expression: string) => `coalesce(${single ? expression : `sum(${expression})`}, 0)`; // array_to_string skips nulls
  const sumExpressions = sums.map((slots) =>
    slots.length === 0 ? sql`0` : sql.raw(total(slots.map((slot) => `t.level_counts[${slot}]`).join(' + '))),
  );
  const joined = sums.length === 0 ? sql`''` : sql`array_to_string(array[${sql.join(sumExpressions)}]::bigint[], ',')`;
  const figures = single
    ? sql`t.respondents, t.scored, t.share_sum::float8 as share_sum, t.share_sq_sum::float8 as share_sq_sum, t.id_digest as digest_sum`
    : sql`sum(t.respondents)::int as respondents,
          sum(t.scored)::int as scored,
          sum(t.share_sum)::float8 as share_sum,
          sum(t.share_sq_sum)::float8 as share_sq_sum,
          sum(t.id_digest) as digest_sum`;
  return sql`${figures}, ${joined} as sums`;
}

/**
 * The tally rows of the units in scope `s`, slice by slice. Few units: each one's rows looked up by its key.
 * Many (a ranking of a year, quarter or month): every unit's rows of each slice read from the period index
 * (migration 0009) and kept when in scope by hashing, about a third cheaper than a thousand lookups; OFFSET 0
 * keeps the planner from turning it back into lookups.
 */
function tallyJoin(scope: GroupedTallyScope, periodFirst: boolean) {
  const inVersion = sql`t.survey_key = ${scope.surveyKey} and t.survey_version = ${scope.surveyVersion}`;
  if (periodFirst) {
    return sql`
      join (select p.range_no, t.*
              from slices p
              join response_tallies t on ${inVersion} and t.grain = p.grain and t.period_start between p.first_start and p.last_start
            offset 0) t
        on t.range_no = s.range_no and t.unit_id = s.unit_id`;
  }
  return sql`
      join slices p on p.range_no = s.range_no
      join response_tallies t
        on ${inVersion}
       and t.grain = p.grain
       and t.period_start between p.first_start and p.last_start
       and t.unit_id = s.unit_id`;
}

/**
 * The tallies of each group summed per bucket (or once). `sums` lists, for each value wanted, the slots of
 * level_counts it adds up (e.g. levels 4 and 5 of a criterion). Sums of array elements are the database's own
 * integer sums, so a range of many day rows stays cheap. Each group's range is read as whole years, whole
 * months and the remaining days (period-slices.ts): the cost follows groups × units × slices, never the number
 * of responses.
 */
async function readSummed(db: Db, scope: GroupedTallyScope, sums: ReadonlyArray<readonly number[]>): Promise<SummedRow[]> {
  const groups = scope.groups.filter((group) => group.unitIds.length > 0);
  if (groups.length === 0) return [];
  const { ranges, slices, members, single, periodFirst } = planRead(scope, groups);
  const descendants = scope.subtree
    ? sql`union all
          select s.key, s.range_no, c.id
            from scope s
            join ranges r on r.range_no = s.range_no
            join units c on c.parent_id = s.unit_id
           where c.valid_from <= r.last_day and (c.valid_to is null or c.valid_to >= r.first_day)`
    : sql``;
  const period = scope.bucket ? sql`to_char(date_trunc(${scope.bucket}, t.period_start::timestamp), 'YYYY-MM-DD')` : sql`null::text`;
  const { rows } = await sql<{
    key: number;
    period: string | null;
    respondents: number;
    scored: number;
    share_sum: number;
    share_sq_sum: number;
    sums: string;
    digest: string;
  }>`
    with recursive ranges(range_no, first_day, last_day) as (
      select * from unnest(${ranges.map((_, i) => i)}::int[], ${ranges.map((r) => r.from)}::date[], ${ranges.map((r) => r.to)}::date[])
    ),
    scope(key, range_no, unit_id) as (
      select * from unnest(${members.map((m) => m.key)}::int[], ${members.map((m) => m.rangeNo)}::int[], ${members.map((m) => m.unitId)}::int[])
      ${descendants}
    ),
    slices(range_no, grain, first_start, last_start) as (
      select * from unnest(${slices.map((s) => s.rangeNo)}::int[], ${slices.map((s) => s.grain)}::text[],
                           ${slices.map((s) => s.from)}::date[], ${slices.map((s) => s.to)}::date[])
    )
    select key, period, respondents, scored, share_sum, share_sq_sum, sums,
           lpad(to_hex(mod(digest_sum, ${sql.raw(MODULUS)})::bigint), 15, '0') as digest
      from (
        select s.key, ${period} as period, ${summedColumns(sums, single)}
          from (select distinct key, range_no, unit_id from scope) s
          ${tallyJoin(scope, periodFirst)}
         ${single ? sql`` : sql`group by 1, 2`}
      ) summed
     order by 1, 2`.execute(db);
  return rows.map((row) => ({
    key: row.key,
    period: row.period,
    respondents: row.respondents,
    scored: row.scored,
    shareSum: row.share_sum,
    shareSqSum: row.share_sq_sum,
    sums: parseIntegers(row.sums),
    digest: row.digest,
  }));
}

/** The level questions of a version in slot order (the view tally_questions, over the recorded content). */
export async function listTallyQuestions(db: Db, surveyKey: string, surveyVersion: number): Promise<TallyQuestion[]> {
  const rows = await db
    .selectFrom('tally_questions')
    .select(['ordinal', 'question_id', 'question_type', 'criterion'])
    .where('survey_key', '=', surveyKey)
    .where('survey_version', '=', surveyVersion)
    .orderBy('ordinal')
    .execute();
  return rows.map((row) => ({
    ordinal: row.ordinal,
    questionId: row.question_id,
    questionType: row.question_type,
    criterion: row.criterion,
  }));
}

/** Each unit asked for, with every unit of its subtree valid at some time in the range (itself included). */
export async function listSubtreeUnits(db: Db, rootIds: readonly number[], range: DateRange) {
  const { rows } = await sql<{ root_id: number; unit_id: number; code: string }>`
    with recursive scope(root_id, unit_id) as (
      select id, id from units where id = any(${[...rootIds]}::int[])
      union all
      select s.root_id, c.id
        from units c
        join scope s on c.parent_id = s.unit_id
       where c.valid_from <= ${range.to}::date and (c.valid_to is null or c.valid_to >= ${range.from}::date)
    )
    select s.root_id, s.unit_id, u.code from scope s join units u on u.id = s.unit_id order by 1, 2`.execute(db);
  return rows.map((row) => ({ rootId: row.root_id, unitId: row.unit_id, code: row.code }));
}

/** The stored values of a tally row; sums as exact decimal text. */
export interface TallyValues {
  respondents: number;
  levelCounts: number[];
  scored: number;
  shareSum: string;
  shareSqSum: string;
  /** Sum of the response-id hashes (migration 0007); null before it. */
  idDigest: string | null;
}

export interface TallyDiffRow {
  unitId: number;
  unitCode: string | null;
  surveyKey: string;
  surveyVersion: number;
  grain: 'day' | 'month' | 'year';
  periodStart: string;
  stored: TallyValues | null;
  expected: TallyValues | null;
}

/**
 * The rows where response_tallies differs from its recomputation from raw responses (the view
 * response_tallies_recomputed), at most `limit` of them in key order, and how many there are in all.
 */
export async function diffTallies(db: Db, limit: number): Promise<{ total: number; rows: TallyDiffRow[] }> {
  const { rows } = await sql<{
    total: number;
    unit_id: number;
    unit_code: string | null;
    survey_key: string;
    survey_version: number;
    grain: 'day' | 'month' | 'year';
    period_start: string;
    stored: boolean;
    s_respondents: number | null;
    s_level_counts: number[] | null;
    s_scored: number | null;
    s_share_sum: string | null;
    s_share_sq_sum: string | null;
    s_id_digest: string | null;
    expected: boolean;
    e_respondents: number | null;
    e_level_counts: number[] | null;
    e_scored: number | null;
    e_share_sum: string | null;
    e_share_sq_sum: string | null;
    e_id_digest: string | null;
  }>`
    select count(*) over ()::int as total,
           coalesce(t.unit_id, r.unit_id) as unit_id,
           (select code from units where id = coalesce(t.unit_id, r.unit_id)) as unit_code,
           coalesce(t.survey_key, r.survey_key) as survey_key,
           coalesce(t.survey_version, r.survey_version) as survey_version,
           coalesce(t.grain, r.grain) as grain,
           to_char(coalesce(t.period_start, r.period_start), 'YYYY-MM-DD') as period_start,
           t.unit_id is not null as stored,
           t.respondents as s_respondents, t.level_counts as s_level_counts, t.scored as s_scored,
           t.share_sum::text as s_share_sum, t.share_sq_sum::text as s_share_sq_sum,
           -- through JSON, so a database migrated only to 0005 (no id_digest yet) reads null
           row_to_json(t)->>'id_digest' as s_id_digest,
           r.unit_id is not null as expected,
           r.respondents as e_respondents, r.level_counts as e_level_counts, r.scored as e_scored,
           r.share_sum::text as e_share_sum, r.share_sq_sum::text as e_share_sq_sum,
           row_to_json(r)->>'id_digest' as e_id_digest
      from response_tallies t
      full join response_tallies_recomputed r
        on r.unit_id = t.unit_id and r.survey_key = t.survey_key and r.survey_version = t.survey_version
       and r.grain = t.grain and r.period_start = t.period_start
     where t.unit_id is null
        or r.unit_id is null
        -- every column, so later ones (0007's id_digest) are compared too: the view lists them in the table's order
        or row(t.*) is distinct from row(r.*)
     order by 2, 4, 5, 6, 7
     limit ${limit}`.execute(db);
  const values = (row: (typeof rows)[number], side: 's' | 'e'): TallyValues => ({
    respondents: row[`${side}_respondents`]!,
    levelCounts: row[`${side}_level_counts`]!,
    scored: row[`${side}_scored`]!,
    shareSum: row[`${side}_share_sum`]!,
    shareSqSum: row[`${side}_share_sq_sum`]!,
    idDigest: row[`${side}_id_digest`],
  });
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((row) => ({
      unitId: row.unit_id,
      unitCode: row.unit_code,
      surveyKey: row.survey_key,
      surveyVersion: row.survey_version,
      grain: row.grain,
      periodStart: row.period_start,
      stored: row.stored ? values(row, 's') : null,
      expected: row.expected ? values(row, 'e') : null,
    })),
  };
}

/**
 * Replaces every tally row by its recomputation from raw responses. Run inside a transaction that holds
 * a lock keeping responses still (see rebuildTallies); returns the number of rows written.
 */
export async function replaceTallies(trx: Transaction<Database>): Promise<number> {
  await sql`truncate response_tallies`.execute(trx);
  const result = await sql`insert into response_tallies select * from response_tallies_recomputed`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

export async function countResponsesAndTallies(db: Db): Promise<{ responses: number; tallyRows: number }> {
  const { rows } = await sql<{ responses: number; tally_rows: number }>`
    select (select count(*) from responses)::int as responses, (select count(*) from response_tallies)::int as tally_rows`.execute(db);
  return { responses: rows[0]!.responses, tallyRows: rows[0]!.tally_rows };
}
