import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { checkAnswers } from '@sipas/survey-definitions/answers';
import type { CreateResponseBody } from '../../api/responses.schemas.ts';
import { canonicalJson } from '../../canonical-json.ts';
import type { Database } from '../../db/database.ts';
import { BadRequestError, ConflictError } from '../../http/errors.ts';
import { vietnamDate } from '../../local-date.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { findUnitValidOn } from '../units/units.queries.ts';
import { findResponseHash, insertResponseIfNew } from './responses.queries.ts';

type ValidBody = Required<Omit<CreateResponseBody, 'id'>> & { id?: string };

export interface SubmitResult {
  id: string;
  /** False when this was a retry of a response already stored. */
  created: boolean;
}

/**
 * Checks a response against the exact survey version and the unit, then stores it once.
 * Every problem is reported together, each with its path; nothing is stored unless all is valid.
 */
export async function submitResponse(
  db: Kysely<Database>,
  catalog: SurveyCatalog,
  body: ValidBody,
  now: Date,
): Promise<SubmitResult> {
  const issues: Array<{ path: string; message: string }> = [];
  const localDate = vietnamDate(now);

  const loaded = catalog.get(body.survey, body.version);
  if (!loaded) {
    const known = catalog.all().some((d) => d.definition.key === body.survey);
    issues.push(known ? { path: 'version', message: 'unknown version of this survey' } : { path: 'survey', message: 'unknown survey' });
  } else if (loaded.definition.status !== 'published') {
    issues.push({ path: 'version', message: `version is ${loaded.definition.status}, not open for responses` });
  }

  const unit = await findUnitValidOn(db, body.unit, localDate);
  if (!unit) issues.push({ path: 'unit', message: 'unknown unit' });

  let answers: Record<string, unknown> = body.answers;
  if (loaded) {
    const checked = checkAnswers(loaded.definition, body.answers);
    if (checked.ok) answers = checked.answers;
    else issues.push(...checked.issues);
  }
  if (issues.length > 0 || !unit) {
    throw new BadRequestError(`Invalid response: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues);
  }

  const id = body.id ?? randomUUID();
  const contentHash = createHash('sha256')
    .update(canonicalJson({ survey: body.survey, version: body.version, unit: body.unit, channel: body.channel, locale: body.locale, answers }))
    .digest('hex');

  return db.transaction().execute(async (trx) => {
    const created = await insertResponseIfNew(trx, {
      id,
      surveyKey: body.survey,
      surveyVersion: body.version,
      unitId: unit.id,
      channel: body.channel,
      locale: body.locale,
      localDate,
      answers,
      contentHash,
    });
    if (created) return { id, created };
    // The id exists: the same content is a retry (answer as before); other content is a conflict.
    if ((await findResponseHash(trx, id)) === contentHash) return { id, created: false };
    throw new ConflictError(`Response ${id} was already submitted with different content`);
  });
}
