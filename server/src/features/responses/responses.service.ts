import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { checkAnswers } from '@sipas/survey-definitions/answers';
import type { CreateResponseBody } from '../../api/responses.schemas.ts';
import type { Database } from '../../db/database.ts';
import { BadRequestError, ConflictError } from '../../http/errors.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { TokenSpentError } from '../tokens/tokens.errors.ts';
import { spentKey, isoWeekStart } from '../tokens/spent-ledger.ts';
import { checkReceiptToken, type VerifiedReceipt } from '../tokens/tokens.service.ts';
import { unknownProcedureIssue } from '../procedures/procedure-check.ts';
import { findUnitValidOnCached } from '../units/unit-cache.ts';
import { responseContentHash } from './response-content-hash.ts';
import { responseLocalDate } from './response-local-date.ts';
import { responseWriterFor } from './response-writer.ts';

type ValidBody = z.output<typeof CreateResponseBody>;
type Issue = { path: string; message: string };

export interface SubmitResult {
  id: string;
  /** False when this was a retry of a response already stored. */
  created: boolean;
}

/**
 * Checks a response against the exact survey version and the unit, then stores it once.
 * Every problem is reported together, each with its path; nothing is stored unless all is valid.
 * With a receipt token, the token is checked first (refused: 400/410), the response takes its unit,
 * procedure and channel, and the response and the spent-ledger row are written in one transaction:
 * a dossier that already answered gets 409 and its first response stays. Writes go through the
 * group-commit writer; the result is returned only after the response's batch has committed.
 */
export async function submitResponse(
  db: Kysely<Database>,
  catalog: SurveyCatalog,
  body: ValidBody,
  now: Date,
): Promise<SubmitResult> {
  const issues: Issue[] = [];
  const localDate = responseLocalDate(now);
  const receipt = body.token === undefined ? undefined : await checkReceiptToken(db, body.token, now);

  const loaded = catalog.get(body.survey, body.version);
  if (!loaded) {
    const known = catalog.all().some((d) => d.definition.key === body.survey);
    issues.push(known ? { path: 'version', message: 'unknown version of this survey' } : { path: 'survey', message: 'unknown survey' });
  } else if (loaded.definition.status !== 'published') {
    issues.push({ path: 'version', message: `version is ${loaded.definition.status}, not open for responses` });
  }

  const stamp = receipt ? stampFromReceipt(receipt, body, issues) : await stampFromBody(db, body, localDate, issues);

  let answers: Record<string, unknown> = body.answers;
  if (loaded) {
    const checked = checkAnswers(loaded.definition, body.answers);
    if (checked.ok) answers = checked.answers;
    else issues.push(...checked.issues);
  }
  if (issues.length > 0 || !stamp) {
    throw new BadRequestError(`Invalid response: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues);
  }

  const id = body.id ?? randomUUID();
  // Never the token itself: a hash of it would let whoever holds the token find the response.
  // Absent keys leave the hash of a plain web response as it always was.
  const contentHash = responseContentHash({
    survey: body.survey,
    version: body.version,
    unit: stamp.unitCode,
    channel: stamp.channel,
    locale: body.locale,
    answers,
    procedure: stamp.procedure ?? undefined,
    fromReceipt: receipt ? true : undefined,
  });

  const outcome = await responseWriterFor(db).write({
    response: {
      id,
      surveyKey: body.survey,
      surveyVersion: body.version,
      unitId: stamp.unitId,
      channel: stamp.channel,
      locale: body.locale,
      localDate,
      answers,
      contentHash,
      procedureCode: stamp.procedure,
      fromReceipt: receipt !== undefined,
    },
    spent: receipt ? { key: spentKey(receipt.secret, receipt.claims.dossierTag), week: isoWeekStart(localDate) } : undefined,
  });
  switch (outcome.kind) {
    case 'inserted':
      return { id, created: true };
    case 'exists':
      // The id exists: the same content is a retry (answer as before); other content is a conflict.
      if (outcome.contentHash === contentHash) return { id, created: false };
      throw new ConflictError(`Response ${id} was already submitted with different content`);
    case 'spent':
      throw new TokenSpentError();
  }
}

interface Stamp {
  unitId: number;
  unitCode: string;
  channel: string;
  procedure: string | null;
}

/** Unit, procedure and channel come from the token; the body may repeat them but not contradict them. */
function stampFromReceipt(receipt: VerifiedReceipt, body: ValidBody, issues: Issue[]): Stamp {
  const { claims } = receipt;
  if (body.unit !== undefined && body.unit !== claims.unit) {
    issues.push({ path: 'unit', message: `contradicts the receipt token (unit ${claims.unit})` });
  }
  if (body.channel !== undefined && body.channel !== claims.channel) {
    issues.push({ path: 'channel', message: `contradicts the receipt token (channel ${claims.channel})` });
  }
  if (body.procedure !== undefined && body.procedure !== claims.procedure) {
    issues.push({ path: 'procedure', message: `contradicts the receipt token (procedure ${claims.procedure ?? 'none'})` });
  }
  return { unitId: receipt.unit.id, unitCode: claims.unit, channel: claims.channel, procedure: claims.procedure };
}

async function stampFromBody(db: Kysely<Database>, body: ValidBody, localDate: string, issues: Issue[]): Promise<Stamp | undefined> {
  const unitCode = body.unit ?? '';
  const unit = await findUnitValidOnCached(db, unitCode, localDate);
  if (!unit) {
    issues.push({ path: 'unit', message: 'unknown unit' });
    return undefined;
  }
  const procedureIssue = await unknownProcedureIssue(db, body.procedure);
  if (procedureIssue) issues.push(procedureIssue);
  return { unitId: unit.id, unitCode, channel: body.channel ?? 'web', procedure: body.procedure ?? null };
}
