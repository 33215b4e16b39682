import type { Kysely } from 'kysely';
import { allQuestions, type SurveyDefinition } from '@sipas/survey-definitions/schema';
import type { ResultsQuery, ResultsResponse, TrendQuery, TrendResponse } from '../../api/results.schemas.ts';
import { MAX_TREND_BUCKETS } from '../../api/results.schemas.ts';
import type { Database } from '../../db/database.ts';
import { BadRequestError, NotFoundError } from '../../http/errors.ts';
import { scoreUnit, type UnitScore } from '../../scoring/unit-score.ts';
import { readGroupedCriterionTallies } from '../aggregates/aggregates.queries.ts';
import { addCriterionSums, criterionOrdinals, emptyCriterionSums, sumsScorer, type CriterionSums } from '../aggregates/aggregates.service.ts';
import { bucketsOf, type Bucket, type DateRange } from '../aggregates/period-slices.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { findLatestUnitDetail, findUnitDetailValidOn } from '../units/units.queries.ts';
import { combineDigests, fingerprint } from './fingerprint.ts';
import { planSources, type Derivation, type SourcePart } from './history.ts';
import {
  bucketCount,
  bucketPeriod,
  clipToRange,
  currentYear,
  namedPeriod,
  overlaps,
  previousPeriod,
  rangePeriod,
  type Period,
} from './period.ts';
import { listPredecessors } from './results.queries.ts';

/** Summed tallies of one figure (a period, or a bucket of a trend), over every source part. */
interface Sums extends CriterionSums {
  derived: boolean;
}

function findDefinition(catalog: SurveyCatalog, survey: string, version: number | undefined): SurveyDefinition {
  const loaded = version === undefined ? catalog.latestPublished(survey) : catalog.get(survey, version);
  if (!loaded) throw new NotFoundError(`Unknown survey ${survey}${version ? ` version ${version}` : ''}`);
  return loaded.definition;
}

function requestedPeriod(query: Pick<ResultsQuery, 'period' | 'from' | 'to'>, today: string): Period {
  if (query.period !== undefined) return namedPeriod(query.period);
  if (query.from !== undefined && query.to !== undefined) return rangePeriod({ from: query.from, to: query.to });
  return currentYear(today);
}

/**
 * The unit with this code on the period's last day, else today, else the latest one with this code that
 * existed during the period (Hậu Giang, 93, for 2025: it ended on 30/06/2025); 404 when none.
 */
async function resolveUnit(db: Kysely<Database>, code: string, period: DateRange, today: string) {
  const latest = async () => {
    const unit = await findLatestUnitDetail(db, code);
    return unit && overlaps(period, { from: unit.unit.validFrom, to: unit.unit.validTo ?? period.to }) ? unit : undefined;
  };
  const found = (await findUnitDetailValidOn(db, code, period.to)) ?? (await findUnitDetailValidOn(db, code, today)) ?? (await latest());
  if (!found) throw new NotFoundError(`Unknown unit ${code}`);
  return { ...found.unit, id: found.id };
}

type ResolvedUnit = Awaited<ReturnType<typeof resolveUnit>>;

/**
 * All reads of one answer in one snapshot, so that its figures and its fingerprint describe the same
 * responses even while others arrive (they come from separate queries).
 */
function inSnapshot<T>(db: Kysely<Database>, read: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(read);
}

/**
 * Reads the tallies of every source part of a unit over a range and adds them up per bucket (or once).
 */
class TallyReader {
  private readonly scoreSums: (sums: CriterionSums) => UnitScore;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly definition: SurveyDefinition,
    private readonly subtree: boolean,
  ) {
    this.scoreSums = sumsScorer(definition, scoreUnit);
  }

  async plan(unit: ResolvedUnit, range: DateRange) {
    return planSources(unit, range, (unitId) => listPredecessors(this.db, unitId));
  }

  /** Sums per bucket start (or under '' without buckets); every part in one query, its digest from the same rows. */
  async read(parts: readonly SourcePart[], range: DateRange, bucket?: Bucket): Promise<Map<string, Sums>> {
    const { criteria, ordinals } = await criterionOrdinals(this.db, this.definition);
    const keys = bucket ? bucketsOf(range, bucket) : [''];
    const sums = new Map<string, Sums>(keys.map((key) => [key, { ...emptyCriterionSums(criteria.length), derived: false }]));
    parts.forEach((part) => {
      for (const key of keys) {
        if (part.derived && (!bucket || overlaps(bucketPeriod(key, bucket), part.range))) sums.get(key)!.derived = true;
      }
    });
    const rows = await readGroupedCriterionTallies(
      this.db,
      {
        surveyKey: this.definition.key,
        surveyVersion: this.definition.version,
        groups: parts.map((part, i) => ({ key: i, unitIds: part.unitIds, range: part.range })),
        subtree: this.subtree,
        bucket,
      },
      ordinals,
      this.definition.scoring.satisfiedLevels,
    );
    for (const row of rows) {
      const key = row.period ?? '';
      const target = sums.get(key)!;
      sums.set(key, { ...addCriterionSums(target, row), derived: target.derived });
    }
    return sums;
  }

  score(sums: Sums): UnitScore {
    return this.scoreSums(sums);
  }
}

const change = (now: number | null, before: number | null | undefined) => (now === null || before == null ? null : now - before);

function describeUnit(unit: ResolvedUnit): ResultsResponse['unit'] {
  return {
    id: unit.id,
    code: unit.code,
    nameVi: unit.nameVi,
    nameEn: unit.nameEn,
    fullNameVi: unit.fullNameVi,
    level: unit.level,
    type: unit.type,
    groupTags: unit.groupTags,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
  };
}

function describeDerivation(derivation: Derivation | null): ResultsResponse['derivation'] {
  return (
    derivation && {
      from: derivation.from,
      to: derivation.to,
      partial: derivation.partial,
      predecessors: derivation.predecessors.map(({ code, nameVi, kind, validFrom, validTo }) => ({ code, nameVi, kind, validFrom, validTo })),
    }
  );
}

const describePeriod = ({ label, from, to }: Period) => ({ label, from, to });

export interface ResultsContext {
  db: Kysely<Database>;
  catalog: SurveyCatalog;
  /** Today in Vietnam (YYYY-MM-DD). */
  today: string;
  /** Called with the resolved unit before anything is read (authorization). */
  authorize: (unitId: number) => Promise<void>;
}

/** A unit's scores for a period, with the previous period's for the changes, from the tallies only. */
export async function getUnitResults(context: ResultsContext, query: ResultsQuery): Promise<ResultsResponse> {
  const { db, catalog, today } = context;
  const definition = findDefinition(catalog, query.survey, query.version);
  const period = requestedPeriod(query, today);
  const unit = await resolveUnit(db, query.unit, period, today);
  await context.authorize(unit.id);

  const before = previousPeriod(period);
  const { plan, current, previousSums, reader } = await inSnapshot(db, async (trx) => {
    const reader = new TallyReader(trx, definition, query.subtree);
    const [plan, previousPlan] = [await reader.plan(unit, period), await reader.plan(unit, before)];
    const current = (await reader.read(plan.parts, period)).get('')!;
    const previousSums = (await reader.read(previousPlan.parts, before)).get('')!;
    return { plan, current, previousSums, reader };
  });
  const score = reader.score(current);
  const previousScore = previousSums.respondents > 0 ? reader.score(previousSums) : null;

  const spec = definition.scoring;
  const questionText = new Map(allQuestions(definition).map(({ question }) => [question.id, question.text]));
  const previousComponents = new Map(previousScore?.components.map((c) => [c.id, c]));
  return {
    survey: { key: definition.key, version: definition.version, title: definition.title },
    unit: describeUnit(unit),
    subtree: query.subtree,
    period: describePeriod(period),
    previousPeriod: describePeriod(before),
    respondents: current.respondents,
    responses: current.respondents,
    overall: {
      method: score.overall.method,
      share: score.overall.share,
      interval: score.overall.interval,
      intervalMethod: score.overall.intervalMethod,
      n: score.overall.respondents,
      validAnswers: score.overall.validAnswers,
      minSampleToRank: score.overall.minSampleToRank,
      belowMinimum: score.overall.belowMinimum,
      change: change(score.overall.share, previousScore?.overall.share),
    },
    components: score.components.map((component, index) => {
      const previous = previousComponents.get(component.id);
      const previousCriteria = new Map(previous?.criteria.map((c) => [c.id, c]));
      return {
        id: component.id,
        label: spec.components[index]!.label,
        share: component.share,
        interval: component.interval,
        n: component.validAnswers,
        change: change(component.share, previous?.share),
        criteria: component.criteria.map((c) => ({
          id: c.id,
          text: questionText.get(c.id) ?? { vi: c.id },
          satisfied: c.satisfied,
          n: c.valid,
          share: c.share,
          interval: c.interval,
          change: change(c.share, previousCriteria.get(c.id)?.share),
        })),
      };
    }),
    previous: previousScore && {
      respondents: previousSums.respondents,
      overall: { share: previousScore.overall.share, n: previousScore.overall.respondents, belowMinimum: previousScore.overall.belowMinimum },
      derived: previousSums.derived,
    },
    derived: current.derived,
    derivation: describeDerivation(plan.derivation),
    fingerprint: fingerprint(definition, current.respondents, current.digest),
  };
}

/** A unit's scores per month, quarter or year of a range, for one survey version. */
export async function getUnitTrend(context: ResultsContext, query: TrendQuery): Promise<TrendResponse> {
  const { db, catalog, today } = context;
  const definition = findDefinition(catalog, query.survey, query.version);
  const range = requestedPeriod(query, today);
  if (bucketCount(range, query.bucket) > MAX_TREND_BUCKETS) {
    throw new BadRequestError(`A trend has at most ${MAX_TREND_BUCKETS} buckets: shorten the range or use a larger bucket`, [
      { path: 'bucket', message: `more than ${MAX_TREND_BUCKETS} buckets` },
    ]);
  }
  const unit = await resolveUnit(db, query.unit, range, today);
  await context.authorize(unit.id);

  const { plan, buckets, reader } = await inSnapshot(db, async (trx) => {
    const reader = new TallyReader(trx, definition, query.subtree);
    const plan = await reader.plan(unit, range);
    return { plan, buckets: await reader.read(plan.parts, range, query.bucket), reader };
  });
  const points = [...buckets].map(([start, sums]) => {
    const score = reader.score(sums);
    const { overall } = score;
    return {
      period: { label: bucketPeriod(start, query.bucket).label, ...clipToRange(bucketPeriod(start, query.bucket), range) },
      respondents: sums.respondents,
      derived: sums.derived,
      overall: { share: overall.share, interval: overall.interval, n: overall.respondents, belowMinimum: overall.belowMinimum },
      components: score.components.map((c) => ({ id: c.id, share: c.share, interval: c.interval, n: c.validAnswers })),
      responsesDigest: sums.digest,
    };
  });
  const total = points.reduce((sum, point) => sum + point.respondents, 0);
  return {
    unit: describeUnit(unit),
    subtree: query.subtree,
    bucket: query.bucket,
    from: range.from,
    to: range.to,
    series: [
      {
        survey: { key: definition.key, version: definition.version, title: definition.title },
        overallMethod: definition.scoring.overallMethod,
        components: definition.scoring.components.map((c) => ({ id: c.id, label: c.label })),
        points,
        derivation: describeDerivation(plan.derivation),
        fingerprint: fingerprint(definition, total, combineDigests(points.map((p) => p.responsesDigest))),
      },
    ],
  };
}
