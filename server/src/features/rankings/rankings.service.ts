import type { Kysely } from 'kysely';
import type { SurveyDefinition } from '@sipas/survey-definitions/schema';
import type { Period, PositionQuery, PositionResponse, RankedUnitInfo, RankingsQuery, RankingsResponse } from '../../api/rankings.schemas.ts';
import type { Database } from '../../db/database.ts';
import { NotFoundError } from '../../http/errors.ts';
import { scoreUnitsWithHistory, type PeriodScores } from '../results/history-scores.ts';
import { currentYear, namedPeriod, previousPeriod, rangePeriod, type Period as ReportPeriod } from '../results/period.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { describeRankChange, formatRank } from '../../scoring/rank-text.ts';
import { scoreOverall, scoreOverallShare } from '../../scoring/unit-score.ts';
import { buildRankingTable } from './ranking-table.ts';
import { findRankingUnit, findRankingUnitById, listUniverseUnits, type RankingUnitRow, type UniverseSelector } from './rankings.queries.ts';

/** Throws 401/403 unless the caller may read these units (the route passes authorizeUnits). */
export type AuthorizeRead = (unitIds: readonly number[]) => Promise<void>;

const LEVEL_NAMES: Record<string, { vi: string; en: string }> = {
  province: { vi: 'cấp tỉnh', en: 'provincial' },
  district: { vi: 'cấp huyện', en: 'district' },
  commune: { vi: 'cấp xã', en: 'commune' },
  department: { vi: 'sở, ngành', en: 'department' },
  office: { vi: 'phòng, ban', en: 'office' },
};

export function findDefinition(catalog: SurveyCatalog, survey: string, version: number | undefined): SurveyDefinition {
  const loaded = version === undefined ? catalog.latestPublished(survey) : catalog.get(survey, version);
  if (!loaded) throw new NotFoundError(`Unknown survey ${survey}${version === undefined ? '' : ` version ${version}`}`);
  return loaded.definition;
}

/** The period of a query (checked by its schema): `period`, or `from` and `to`, else the current year. */
export function periodOf(query: { period?: string | undefined; from?: string | undefined; to?: string | undefined }, today: string): ReportPeriod {
  if (query.period !== undefined) return namedPeriod(query.period);
  if (query.from !== undefined && query.to !== undefined) return rangePeriod({ from: query.from, to: query.to });
  return currentYear(today);
}

/** The unit with this code valid on the period's last day (codes are reused across periods); 404 when none. */
async function unitOnPeriodEnd(db: Kysely<Database>, code: string, period: ReportPeriod): Promise<RankingUnitRow> {
  const unit = await findRankingUnit(db, code, period.to);
  if (!unit) throw new NotFoundError(`Unknown unit ${code} on ${period.to}`);
  return unit;
}

/** A query about one unit: its survey version, its period, and the unit, which the caller may read (else 401/403). */
export async function resolveUnitQuery(
  db: Kysely<Database>,
  catalog: SurveyCatalog,
  query: { survey: string; version?: number | undefined; unit: string; period?: string | undefined; from?: string | undefined; to?: string | undefined },
  today: string,
  authorize: AuthorizeRead,
) {
  const definition = findDefinition(catalog, query.survey, query.version);
  const period = periodOf(query, today);
  const unit = await unitOnPeriodEnd(db, query.unit, period);
  await authorize([unit.id]);
  return { definition, period, unit };
}

export const toPeriod = ({ label, from, to }: ReportPeriod): Period => ({ label, from, to });

const publicUnit = (row: RankingUnitRow): RankedUnitInfo => ({
  id: row.id,
  code: row.code,
  nameVi: row.nameVi,
  nameEn: row.nameEn,
  fullNameVi: row.fullNameVi,
  type: row.type,
  level: row.level,
  groupTags: row.groupTags,
});

/**
 * A universe's units scored on their subtrees (merged units from their predecessors) now, with intervals and
 * the fingerprint, and over the previous period by their share alone: two tally reads side by side.
 */
async function scoreBothPeriods(db: Kysely<Database>, definition: SurveyDefinition, units: readonly RankingUnitRow[], period: ReportPeriod, previous: ReportPeriod) {
  const [[now], [then]] = await Promise.all([
    scoreUnitsWithHistory(db, definition, units, [period], scoreOverall),
    scoreUnitsWithHistory(db, definition, units, [previous], scoreOverallShare),
  ]);
  const scored = <S>(scores: PeriodScores<S>) =>
    scores.units.map(({ respondents, derived, score }, i) => ({ unit: publicUnit(units[i]!), respondents, derived, score: { overall: score } }));
  return { current: scored(now!), before: scored(then!), fingerprintOf: now!.fingerprintOf };
}

interface Universe {
  selector: UniverseSelector;
  parent: RankingUnitRow | null;
}

/**
 * Ranks a universe (the units valid on the period's last day) now and over the previous period: the same
 * units then, so ranks compare like with like, a unit made in the 2025 mergers read from its predecessors.
 */
async function rankUniverse(db: Kysely<Database>, definition: SurveyDefinition, universe: Universe, period: ReportPeriod, listed?: RankingUnitRow[]) {
  const previous = previousPeriod(period);
  const units = listed ?? (await listUniverseUnits(db, universe.selector, period.to));
  const { current, before, fingerprintOf } = await scoreBothPeriods(db, definition, units, period, previous);
  return { previous, units, fingerprintOf, table: buildRankingTable(current, before) };
}

function describeUniverse(universe: Universe, units: number) {
  const { parent, selector } = universe;
  const level = selector.level === undefined ? undefined : (LEVEL_NAMES[selector.level] ?? { vi: selector.level, en: selector.level });
  const type = selector.type === undefined ? { vi: '', en: '' } : { vi: ` (loại: ${selector.type})`, en: ` (type: ${selector.type})` };
  const description = parent
    ? {
        vi: `Các đơn vị ${level ? `${level.vi} ` : ''}trực thuộc ${parent.fullNameVi}${type.vi}`,
        en: `${level ? `${level.en[0]!.toUpperCase()}${level.en.slice(1)} units` : 'Units'} directly under ${parent.nameEn ?? parent.nameVi}${type.en}`,
      }
    : { vi: `Tất cả đơn vị ${level!.vi}${type.vi}`, en: `All ${level!.en} units${type.en}` };
  return {
    description,
    parent: parent && publicUnit(parent),
    level: selector.level ?? null,
    type: selector.type ?? null,
    units,
  };
}

type RankedUniverse = Awaited<ReturnType<typeof rankUniverse>>;

function context(definition: SurveyDefinition, universe: Universe, period: ReportPeriod, ranked: RankedUniverse) {
  return {
    survey: { key: definition.key, version: definition.version },
    universe: describeUniverse(universe, ranked.units.length),
    period: toPeriod(period),
    previousPeriod: toPeriod(ranked.previous),
    minimumSample: definition.scoring.minSampleToRank,
    comparable: { ranks: ranked.table.ranksComparable, shares: true },
    fingerprint: ranked.fingerprintOf(ranked.units.map((_, i) => i)),
  };
}

/** GET /api/rankings: a universe given by parent and/or level (and type), ranked in a period. */
export async function getRankings(
  db: Kysely<Database>,
  catalog: SurveyCatalog,
  query: RankingsQuery,
  today: string,
  authorize: AuthorizeRead,
): Promise<RankingsResponse> {
  const definition = findDefinition(catalog, query.survey, query.version);
  const period = periodOf(query, today);
  let parent: RankingUnitRow | null = null;
  if (query.parent !== undefined) {
    parent = await unitOnPeriodEnd(db, query.parent, period);
  }
  const universe: Universe = { parent, selector: { parentId: parent?.id, level: query.level, type: query.type } };
  const units = await listUniverseUnits(db, universe.selector, period.to);
  // Under a parent, reading the parent's subtree is what needs permission; without one, every unit listed.
  await authorize(parent ? [parent.id] : units.map((u) => u.id));
  const ranked = await rankUniverse(db, definition, universe, period, units);
  return { ...context(definition, universe, period, ranked), ranked: ranked.table.ranked, unranked: ranked.table.unranked };
}

/** "xếp hạng 12/93, tăng 3 bậc"; without the change when the previous period cannot be compared. */
function describePlace(rank: number, of: number, change: number | null) {
  const withChange = (text: string, locale: 'vi' | 'en') => (change === null ? text : `${text}, ${describeRankChange(change, locale)}`);
  return { vi: withChange(`xếp hạng ${formatRank(rank, of)}`, 'vi'), en: withChange(`ranked ${formatRank(rank, of)}`, 'en') };
}

/** The peers a unit is ranked among: the units of its level under the same parent, or all of its level at the top. */
export function peersOf(unit: RankingUnitRow): UniverseSelector {
  return unit.parentId === null ? { topLevel: true, level: unit.level } : { parentId: unit.parentId, level: unit.level };
}

/** GET /api/rankings/position: one unit's place among its peers, without the peers' figures. */
export async function getPosition(
  db: Kysely<Database>,
  catalog: SurveyCatalog,
  query: PositionQuery,
  today: string,
  authorize: AuthorizeRead,
): Promise<PositionResponse> {
  const { definition, period, unit } = await resolveUnitQuery(db, catalog, query, today, authorize);
  return positionOf(db, definition, unit, period);
}

/** A unit's position in a period, for the position endpoint and the analysis report (authorized by the caller). */
export async function positionOf(
  db: Kysely<Database>,
  definition: SurveyDefinition,
  unit: RankingUnitRow,
  period: ReportPeriod,
): Promise<PositionResponse> {
  const parent = unit.parentId === null ? null : ((await findRankingUnitById(db, unit.parentId)) ?? null);
  const universe: Universe = { parent, selector: peersOf(unit) };
  const ranked = await rankUniverse(db, definition, universe, period);
  // The fingerprint of the unit's own figures: the universe's would tell how many responses its peers have.
  const computedFrom = ranked.fingerprintOf([ranked.units.findIndex((u) => u.id === unit.id)]);
  const own = ranked.table.ranked.find((entry) => entry.unit.id === unit.id);
  const apart = ranked.table.unranked.find((entry) => entry.unit.id === unit.id);
  const figures = own ?? apart!;
  return {
    ...context(definition, universe, period, ranked),
    fingerprint: computedFrom,
    unit: publicUnit(unit),
    share: figures.share,
    n: figures.n,
    respondents: figures.respondents,
    interval: figures.interval,
    derived: figures.derived,
    position: own
      ? {
          rank: own.rank,
          of: own.of,
          previousRank: own.previousRank,
          previousOf: own.previousOf,
          rankChange: own.rankChange,
          pointChange: own.pointChange,
          previousDerived: own.previousDerived,
          groupRanks: own.groupRanks,
        }
      : null,
    unrankedReason: apart?.reason ?? null,
    summary: own ? describePlace(own.rank, own.of, own.rankChange) : null,
  };
}
