import { z } from 'zod';

/** A unit code as published by the Statistics Office: digits, kept as a string (leading zeros). */
export const UnitCode = z.string().regex(/^[0-9A-Za-z._-]{1,32}$/, 'must be a unit code');

export const Unit = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  fullNameVi: z.string(),
  type: z.string(),
});
export type Unit = z.infer<typeof Unit>;

export const UnitWithCount = Unit.extend({ responseCount: z.number().int() });
export type UnitWithCount = z.infer<typeof UnitWithCount>;

export const UnitListResponse = z.object({ units: z.array(UnitWithCount) });
export type UnitListResponse = z.infer<typeof UnitListResponse>;

export const UnitParams = z.object({ code: UnitCode });
