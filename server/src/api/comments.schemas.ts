import { z } from 'zod';
import { QueryBoolean, ResponseScopeQuery } from './exports.schemas.ts';
import { UnitCode } from './units.schemas.ts';

const Percent = z.coerce.number().min(0).max(100);

/** The free-text answers of a unit's subtree; filters combine (all must hold). */
export const CommentsQuery = ResponseScopeQuery.safeExtend({
  /** Words to find in the text (all of them); case and Vietnamese diacritics are ignored. */
  q: z.string().trim().max(200).optional(),
  /** Only this unit of the subtree (its code). */
  unitCode: UnitCode.optional(),
  /** The respondent's own share satisfied (0–100) at least / at most this. */
  minShare: Percent.optional(),
  maxShare: Percent.optional(),
  /** true: respondents with a share satisfied of 50 or more; false: below 50. Not with minShare/maxShare. */
  satisfied: QueryBoolean.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
  .refine((q) => q.satisfied === undefined || (q.minShare === undefined && q.maxShare === undefined), {
    path: ['satisfied'],
    message: 'use either satisfied or minShare/maxShare',
  })
  .refine((q) => q.minShare === undefined || q.maxShare === undefined || q.minShare <= q.maxShare, {
    path: ['maxShare'],
    message: 'must not be below minShare',
  });
export type CommentsQuery = z.infer<typeof CommentsQuery>;

export const Comment = z.object({
  responseId: z.string(),
  /** The text question answered (a definition may have several). */
  questionId: z.string(),
  /** Plain text as the respondent wrote it: escape it when showing it (never HTML). */
  text: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  /** Local date YYYY-MM-DD. */
  date: z.string(),
  channel: z.string(),
  /** The respondent's own share satisfied over their valid scored answers (0–100); null without any. */
  share: z.number().min(0).max(100).nullable(),
});
export type Comment = z.infer<typeof Comment>;

export const CommentsResponse = z.object({
  /** Comments matching in all; `comments` holds the page asked for, newest first. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  comments: z.array(Comment),
});
export type CommentsResponse = z.infer<typeof CommentsResponse>;
