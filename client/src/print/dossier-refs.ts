// Pasted dossier references (mã hồ sơ), one per line, checked as POST /api/tokens/batch would check them.

/** The server's limit on one reference (DossierRef in server/src/api/tokens.schemas.ts). */
export const MAX_DOSSIER_REF_LENGTH = 128;
/** The server's limit on one batch request. */
export const BATCH_SIZE = 100;

export type RefProblem = { line: number; kind: 'tooLong' | 'control' };

export interface ParsedRefs {
  /** Distinct references in the order pasted. */
  refs: string[];
  /** Lines that repeated an earlier reference (one dossier needs one code). */
  duplicates: number;
  /** Lines the server would refuse, numbered from 1 as in the text box. */
  problems: RefProblem[];
}

/**
 * Trims each line and skips blank ones. A reference is hashed exactly as spelled, so nothing else is changed;
 * a tab inside a line (two columns pasted from a spreadsheet) is a problem, not a separator.
 */
export function parseDossierRefs(text: string): ParsedRefs {
  const refs: string[] = [];
  const seen = new Set<string>();
  const problems: RefProblem[] = [];
  let duplicates = 0;
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const ref = raw.trim();
    if (ref === '') return;
    if (/\p{Cc}/u.test(ref)) problems.push({ line: index + 1, kind: 'control' });
    else if (ref.length > MAX_DOSSIER_REF_LENGTH) problems.push({ line: index + 1, kind: 'tooLong' });
    else if (seen.has(ref)) duplicates++;
    else {
      seen.add(ref);
      refs.push(ref);
    }
  });
  return { refs, duplicates, problems };
}

/** Splits a list into requests of at most `size` items, in order. */
export function inBatches<T>(items: readonly T[], size: number = BATCH_SIZE): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
