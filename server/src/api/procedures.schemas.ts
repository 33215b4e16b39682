import { z } from 'zod';

/** The national code of an administrative procedure (mã TTHC) as on dichvucong.gov.vn, e.g. 1.001193. */
export const ProcedureCode = z.string().regex(/^[0-9]\.[0-9]{6}$/, 'must be a procedure code such as 1.001193');

export const Procedure = z.object({
  code: z.string(),
  nameVi: z.string(),
  /** Lĩnh vực, e.g. Hộ tịch. */
  field: z.string(),
  promulgatingAgency: z.string().nullable(),
  /** As published; several agencies are separated by `; `. */
  executingAgency: z.string().nullable(),
  catalogueType: z.string().nullable(),
  state: z.string().nullable(),
  portalUrl: z.string().nullable(),
});
export type Procedure = z.infer<typeof Procedure>;

export const ProcedureListQuery = z.strictObject({
  /** Words to find in the code, name or field; case and Vietnamese diacritics are ignored. */
  q: z.string().trim().max(200).optional(),
  /** Exact field (lĩnh vực) name. */
  field: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ProcedureListQuery = z.infer<typeof ProcedureListQuery>;

export const ProcedureListResponse = z.object({
  /** Number of matches in all; `procedures` holds the page asked for. */
  total: z.number().int(),
  procedures: z.array(Procedure),
});
export type ProcedureListResponse = z.infer<typeof ProcedureListResponse>;

export const ProcedureParams = z.object({ code: ProcedureCode });
