import { sql, type Kysely } from 'kysely';
import type { Comment } from '../../api/comments.schemas.ts';
import type { Database } from '../../db/database.ts';
import { responsesInScope, type ResponseScope } from '../exports/response-scope.ts';
import { SEARCH_FOLD } from './text-fold.ts';

export interface CommentFilter {
  /** Ids of the text questions of the version. */
  questionIds: string[];
  /** Scored criteria and the levels counted satisfied (the version's spec), for each respondent's own share. */
  criteria: string[];
  satisfiedLevels: string[];
  /** Units of the scope to read (all, or the one asked for). */
  unitIds: number[];
  /** LIKE patterns over the folded text (procedures.search.ts); all must match. */
  patterns: string[];
  minShare?: number | undefined;
  maxShare?: number | undefined;
  /** Share below this only (exclusive), for "not satisfied". */
  belowShare?: number | undefined;
}

/**
 * A respondent's own share satisfied, from `answers`: round(100 × satisfied ÷ valid scored answers, 10), as the
 * tallies compute it (migration 0005); null without any valid scored answer.
 */
function respondentShare(filter: CommentFilter, answers: string) {
  return sql`
    select (round(100.0 * count(*) filter (where c.value = any(${filter.satisfiedLevels}::text[]))
                  / nullif(count(*) filter (where c.value in ('1', '2', '3', '4', '5')), 0), 10))::float8 as share
      from jsonb_each_text(${sql.ref(answers)}) c
     where c.key = any(${filter.criteria}::text[])`;
}

const hasShareFilter = (filter: CommentFilter) =>
  filter.minShare !== undefined || filter.maxShare !== undefined || filter.belowShare !== undefined;

/**
 * Non-blank answers to the text questions that pass the filter. The share is computed here only when a filter
 * needs it (it reads every answer of the response); a page computes it for its own rows.
 */
function matchingComments(scope: ResponseScope, filter: CommentFilter) {
  const conditions = [
    sql`btrim(a.value) <> ''`, // also drops questions left unanswered (null)
    ...filter.patterns.map((pattern) => sql`translate(a.value, ${SEARCH_FOLD.from}, ${SEARCH_FOLD.to}) like ${pattern} escape '\\'`),
    ...(filter.minShare === undefined ? [] : [sql`s.share >= ${filter.minShare}`]),
    ...(filter.maxShare === undefined ? [] : [sql`s.share <= ${filter.maxShare}`]),
    ...(filter.belowShare === undefined ? [] : [sql`s.share < ${filter.belowShare}`]),
  ];
  const share = hasShareFilter(filter) ? sql`cross join lateral (${respondentShare(filter, 'r.answers')}) s` : sql``;
  return sql`
    select r.id as response_id, q.id as question_id, a.value as text, r.unit_id, r.local_date, r.channel, r.answers
      from responses r
     cross join unnest(${filter.questionIds}::text[]) q(id)
     cross join lateral (select r.answers ->> q.id as value) a
     ${share}
     where ${responsesInScope(scope, filter.unitIds)}
       -- responses that answered no text question are dropped before their questions are looked up
       and r.answers ?| ${filter.questionIds}::text[]
       and ${sql.join(conditions, sql` and `)}`;
}

export async function countComments(db: Kysely<Database>, scope: ResponseScope, filter: CommentFilter): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from (${matchingComments(scope, filter)}) m`.execute(db);
  return rows[0]?.n ?? 0;
}

/** One page, newest first (ties by response id, then question id, so pages never overlap). */
export async function listComments(
  db: Kysely<Database>,
  scope: ResponseScope,
  filter: CommentFilter,
  page: { offset: number; limit: number },
): Promise<Comment[]> {
  const { rows } = await sql<{
    response_id: string;
    question_id: string;
    text: string;
    unit_code: string;
    unit_name: string;
    date: string;
    channel: string;
    share: number | null;
  }>`
    select p.response_id, p.question_id, p.text, u.code as unit_code, u.name_vi as unit_name,
           to_char(p.local_date, 'YYYY-MM-DD') as date, p.channel, s.share
      from (select m.*
              from (${matchingComments(scope, filter)}) m
             order by m.local_date desc, m.response_id desc, m.question_id
             limit ${page.limit} offset ${page.offset}) p
      join units u on u.id = p.unit_id
     cross join lateral (${respondentShare(filter, 'p.answers')}) s
     order by p.local_date desc, p.response_id desc, p.question_id`.execute(db);
  return rows.map((row) => ({
    responseId: row.response_id,
    questionId: row.question_id,
    text: row.text,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    date: row.date,
    channel: row.channel,
    share: row.share,
  }));
}
