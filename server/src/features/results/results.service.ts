import type { Kysely } from 'kysely';
import { allQuestions } from '@sipas/survey-definitions/schema';
import type { ResultsResponse } from '../../api/results.schemas.ts';
import type { Database } from '../../db/database.ts';
import { NotFoundError } from '../../http/errors.ts';
import { vietnamDate } from '../../local-date.ts';
import { scoreUnit, sumRespondentShares } from '../../scoring/unit-score.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { findUnitValidOn } from '../units/units.queries.ts';
import { countResponses, respondentShares, tallyCriteria } from './results.queries.ts';

const SATISFACTION_CODES = ['1', '2', '3', '4', '5'];

export async function getUnitResults(
  db: Kysely<Database>,
  catalog: SurveyCatalog,
  query: { survey: string; unit: string; version?: number | undefined },
  now: Date,
): Promise<ResultsResponse> {
  const loaded = query.version === undefined ? catalog.latestPublished(query.survey) : catalog.get(query.survey, query.version);
  if (!loaded) throw new NotFoundError(`Unknown survey ${query.survey}${query.version ? ` version ${query.version}` : ''}`);
  const unit = await findUnitValidOn(db, query.unit, vietnamDate(now));
  if (!unit) throw new NotFoundError(`Unknown unit ${query.unit}`);

  const { definition } = loaded;
  const spec = definition.scoring;
  const scope = {
    unitId: unit.id,
    surveyKey: definition.key,
    surveyVersion: definition.version,
    criteria: spec.components.flatMap((c) => c.criteria),
    satisfiedCodes: spec.satisfiedLevels.map(String),
    validCodes: SATISFACTION_CODES,
  };
  const [tallies, responses, shares] = await Promise.all([
    tallyCriteria(db, scope),
    countResponses(db, unit.id, definition.key, definition.version),
    spec.overallMethod === 'respondent-level' ? respondentShares(db, scope) : Promise.resolve([]),
  ]);
  const respondentLevel = spec.overallMethod === 'respondent-level';
  const { components, overall } = scoreUnit(spec, {
    criteria: tallies,
    // Exact for respondent-level; otherwise all responses, an upper bound (belowMinimum is not in this response).
    respondents: respondentLevel ? shares.length : responses,
    respondentShares: respondentLevel ? sumRespondentShares(shares) : undefined,
  });
  const questionText = new Map(allQuestions(definition).map(({ question }) => [question.id, question.text]));

  return {
    survey: { key: definition.key, version: definition.version, title: definition.title },
    unit: { code: unit.code, nameVi: unit.name_vi, nameEn: unit.name_en },
    responses,
    overall: { method: overall.method, share: overall.share },
    components: components.map((component, index) => ({
      id: component.id,
      label: spec.components[index]!.label,
      share: component.share,
      n: component.validAnswers,
      criteria: component.criteria.map((c) => ({
        id: c.id,
        text: questionText.get(c.id) ?? { vi: c.id },
        satisfied: c.satisfied,
        n: c.valid,
        share: c.share,
      })),
    })),
  };
}
