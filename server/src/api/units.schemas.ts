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

/** Levels of the hierarchy: province > (district, before 2025) > commune; departments and offices sit under a province. */
export const UnitLevel = z.enum(['province', 'district', 'commune', 'department', 'office']);
export type UnitLevel = z.infer<typeof UnitLevel>;

/** A calendar date as YYYY-MM-DD (a real date: 2025-02-29 is refused). */
export const CalendarDate = z.iso.date('must be a date YYYY-MM-DD');

export const UnitListQuery = z.strictObject({
  /** Only units of this level; without `level` and `parent`, the top level (provinces). */
  level: UnitLevel.optional(),
  /** Only the direct sub-units of this unit (valid on the same date). */
  parent: UnitCode.optional(),
  /** Only units with this group tag, e.g. `region:Đồng bằng sông Cửu Long`. */
  group: z.string().min(3).max(200).optional(),
  /** The date the units must be valid on; today in Vietnam by default. */
  on: CalendarDate.optional(),
});
export type UnitListQuery = z.infer<typeof UnitListQuery>;

export const UnitDateQuery = z.strictObject({
  /** Picks the unit with this code valid on that date; by default the one valid today, else the latest one. */
  on: CalendarDate.optional(),
});

/** A unit as the registry holds it: a code is unique only within its validity period. */
export const UnitDetail = Unit.extend({
  level: z.string(),
  parentCode: z.string().nullable(),
  validFrom: z.string(),
  /** Last day of validity; null while the unit exists. */
  validTo: z.string().nullable(),
  groupTags: z.array(z.string()),
});
export type UnitDetail = z.infer<typeof UnitDetail>;

export const UnitChildrenResponse = z.object({
  unit: UnitDetail,
  /** The date the children are valid on. */
  on: z.string(),
  children: z.array(UnitDetail),
});
export type UnitChildrenResponse = z.infer<typeof UnitChildrenResponse>;

export const LineageLink = z.object({
  /** 'partial' when only part of the predecessor's territory went to the successor. */
  kind: z.enum(['full', 'partial']),
  unit: UnitDetail,
});

export const UnitLineageResponse = z.object({
  unit: UnitDetail,
  /** Units this one was formed from (direct links only). */
  predecessors: z.array(LineageLink),
  /** Units that took over this one's territory (direct links only). */
  successors: z.array(LineageLink),
});
export type UnitLineageResponse = z.infer<typeof UnitLineageResponse>;
