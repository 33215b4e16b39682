import { z } from 'zod';
import { CalendarDate, UnitCode } from './units.schemas.ts';

/**
 * Which responses a raw export, the comments or the breakdowns read: one survey version, a unit, and a range
 * of local dates (both inclusive; either may be left open). The unit is the one with that code valid on `to`
 * (today when `to` is absent), as codes are reused across the 2025 mergers.
 */
export const ResponseScopeQuery = z
  .strictObject({
    survey: z.string().min(1).max(64),
    /** Defaults to the latest published version of the survey. */
    version: z.coerce.number().int().positive().optional(),
    unit: UnitCode,
    from: CalendarDate.optional(),
    to: CalendarDate.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type ResponseScopeQuery = z.infer<typeof ResponseScopeQuery>;

/** "true" or "false" in a query string. */
export const QueryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

export const RawResponsesExportQuery = ResponseScopeQuery.safeExtend({
  /** Also the responses of every unit below `unit` (valid at some time in the range). */
  subtree: QueryBoolean.default(false),
});
export type RawResponsesExportQuery = z.infer<typeof RawResponsesExportQuery>;
