import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { BadRequestError } from '../../http/errors.ts';
import { findProcedure } from './procedures.queries.ts';

/** A procedure named by a response or a receipt must be in the catalogue, or its scores would be unattributable. */
export async function unknownProcedureIssue(
  db: Kysely<Database>,
  code: string | undefined,
): Promise<{ path: string; message: string } | undefined> {
  if (code === undefined) return undefined;
  return (await findProcedure(db, code)) ? undefined : { path: 'procedure', message: `unknown procedure ${code}` };
}

export async function requireKnownProcedure(db: Kysely<Database>, code: string | undefined): Promise<void> {
  const issue = await unknownProcedureIssue(db, code);
  if (issue) throw new BadRequestError(`Invalid request: ${issue.path} ${issue.message}`, [issue]);
}
