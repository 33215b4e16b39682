import { z } from 'zod';
import { ResponseScopeQuery } from './exports.schemas.ts';

/** Breakdowns of the responses of a unit's subtree. */
export const BreakdownsQuery = ResponseScopeQuery;
export type BreakdownsQuery = z.infer<typeof BreakdownsQuery>;

const LocalizedText = z.object({ vi: z.string(), en: z.string().optional() });

/** Percent (0–100, unrounded). */
const Share = z.number().min(0).max(100);

export const ExpectationChoice = z.object({
  code: z.string(),
  label: LocalizedText,
  count: z.number().int(),
  /** Of the respondents who answered the question. */
  share: Share,
});

/** A multiple-choice question of the version ("what should be improved first"), its choices ranked. */
export const Expectation = z.object({
  questionId: z.string(),
  text: LocalizedText,
  /** Respondents who chose at least one option. */
  respondents: z.number().int(),
  /** Most chosen first; ties in the definition's order; options nobody chose included with 0. */
  choices: z.array(ExpectationChoice),
});

export const ChannelCount = z.object({
  /** As stored: web, qr, kiosk… */
  channel: z.string(),
  count: z.number().int(),
  /** Of all responses of the scope. */
  share: Share,
});

export const ProcedureCount = z.object({
  code: z.string(),
  /** From the procedure catalogue; null for a code it does not hold. */
  nameVi: z.string().nullable(),
  count: z.number().int(),
  /** Of all responses of the scope. */
  share: Share,
});

export const BreakdownsResponse = z.object({
  survey: z.object({ key: z.string(), version: z.number().int() }),
  unit: z.object({ code: z.string(), nameVi: z.string() }),
  /** Responses of the subtree in the range. */
  responses: z.number().int(),
  expectations: z.array(Expectation),
  /** Most used first. */
  channels: z.array(ChannelCount),
  /** Responses that name a procedure, and the 10 procedures most answered about (most first, ties by code). */
  procedures: z.object({ withProcedure: z.number().int(), top: z.array(ProcedureCount) }),
});
export type BreakdownsResponse = z.infer<typeof BreakdownsResponse>;
