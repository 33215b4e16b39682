import type { Kysely } from 'kysely';
import { allQuestions, type MultipleChoiceQuestion } from '@sipas/survey-definitions/schema';
import type { BreakdownsResponse } from '../../api/breakdowns.schemas.ts';
import type { Database } from '../../db/database.ts';
import type { ResponseScope } from '../exports/response-scope.ts';
import { countByChannel, countByProcedure, countChoices, countScopeResponses } from './breakdowns.queries.ts';

const TOP_PROCEDURES = 10;

const percent = (count: number, of: number) => (of === 0 ? 0 : (100 * count) / of);

/** Expectations (multiple-choice questions), channel mix and procedures of the responses of a scope. */
export async function getBreakdowns(db: Kysely<Database>, scope: ResponseScope): Promise<BreakdownsResponse> {
  const { definition } = scope;
  const multiple = allQuestions(definition)
    .map(({ question }) => question)
    .filter((question): question is MultipleChoiceQuestion => question.type === 'multipleChoice');
  const [responses, channels, procedures, choices] = await Promise.all([
    countScopeResponses(db, scope),
    countByChannel(db, scope),
    countByProcedure(db, scope, TOP_PROCEDURES),
    countChoices(db, scope, multiple.map((q) => q.id)),
  ]);

  const counted = new Map(choices.map((c) => [`${c.questionId}|${c.code ?? ''}`, c.count]));
  const expectations = multiple.map((question) => {
    const respondents = counted.get(`${question.id}|`) ?? 0;
    const ranked = question.options
      .map((option, order) => ({ option, order, count: counted.get(`${question.id}|${option.code}`) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.order - b.order);
    return {
      questionId: question.id,
      text: question.text,
      respondents,
      choices: ranked.map(({ option, count }) => ({ code: option.code, label: option.label, count, share: percent(count, respondents) })),
    };
  });

  return {
    survey: { key: definition.key, version: definition.version },
    unit: { code: scope.unit.code, nameVi: scope.unit.nameVi },
    responses,
    expectations,
    channels: channels.map((c) => ({ ...c, share: percent(c.count, responses) })),
    procedures: {
      withProcedure: procedures.withProcedure,
      top: procedures.top.map((p) => ({ ...p, share: percent(p.count, responses) })),
    },
  };
}
