import { BreakdownsResponse } from '@sipas/server/api/breakdowns';
import { CommentsResponse } from '@sipas/server/api/comments';
import { adminJson } from '../admin-fetch.ts';
import { useResource } from '../../lib/use-resource.ts';

/** Responses of a unit's subtree between two days (inclusive). */
export type ResponseScope = { survey: string; unit: string; from: string; to: string };

export function fetchBreakdowns({ survey, unit, from, to }: ResponseScope, signal?: AbortSignal): Promise<BreakdownsResponse> {
  const query = new URLSearchParams({ survey, unit, from, to });
  return adminJson(`/api/breakdowns?${query}`, BreakdownsResponse, { signal });
}

export function useBreakdowns(scope: ResponseScope) {
  return useResource(`breakdowns:${scope.survey}:${scope.unit}:${scope.from}:${scope.to}`, (signal) => fetchBreakdowns(scope, signal));
}

export type CommentFilters = { q: string; unitCode: string; satisfied: '' | 'true' | 'false'; page: number };

export function commentsQuery(scope: ResponseScope, filters: CommentFilters): URLSearchParams {
  const query = new URLSearchParams({ survey: scope.survey, unit: scope.unit, from: scope.from, to: scope.to, page: String(filters.page) });
  if (filters.q.trim()) query.set('q', filters.q.trim());
  if (filters.unitCode) query.set('unitCode', filters.unitCode);
  if (filters.satisfied) query.set('satisfied', filters.satisfied);
  return query;
}

export function useComments(scope: ResponseScope, filters: CommentFilters) {
  const query = commentsQuery(scope, filters);
  return useResource(`comments:${query}`, (signal) => adminJson(`/api/comments?${query}`, CommentsResponse, { signal }));
}
