import type { Kysely } from 'kysely';
import { allQuestions } from '@sipas/survey-definitions/schema';
import type { CommentsQuery, CommentsResponse } from '../../api/comments.schemas.ts';
import type { Database } from '../../db/database.ts';
import type { ResponseScope } from '../exports/response-scope.ts';
import { searchPatterns } from '../procedures/procedures.search.ts';
import { countComments, listComments, type CommentFilter } from './comments.queries.ts';

/** A respondent counts as satisfied when at least half of their valid scored answers are at a satisfied level. */
const SATISFIED_SHARE = 50;

/** A page of the free-text answers of the scope (a unit's subtree), filtered as asked. */
export async function getComments(db: Kysely<Database>, scope: ResponseScope, query: CommentsQuery): Promise<CommentsResponse> {
  const { definition } = scope;
  const page = { page: query.page, pageSize: query.pageSize };
  const questionIds = allQuestions(definition)
    .filter(({ question }) => question.type === 'text')
    .map(({ question }) => question.id);
  // A unit outside the subtree matches nothing: never another unit's comments.
  const unitIds = scope.units.filter((u) => query.unitCode === undefined || u.code === query.unitCode).map((u) => u.id);
  if (questionIds.length === 0 || unitIds.length === 0) return { total: 0, ...page, comments: [] };

  const filter: CommentFilter = {
    questionIds,
    criteria: [...new Set(definition.scoring.components.flatMap((c) => c.criteria))],
    satisfiedLevels: definition.scoring.satisfiedLevels.map(String),
    unitIds,
    patterns: searchPatterns(query.q ?? ''),
    minShare: query.satisfied === true ? SATISFIED_SHARE : query.minShare,
    maxShare: query.maxShare,
    belowShare: query.satisfied === false ? SATISFIED_SHARE : undefined,
  };
  const [total, comments] = await Promise.all([
    countComments(db, scope, filter),
    listComments(db, scope, filter, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize }),
  ]);
  return { total, ...page, comments };
}
