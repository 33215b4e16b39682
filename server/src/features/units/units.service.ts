import type { Kysely } from 'kysely';
import type {
  UnitChildrenResponse,
  UnitLineageResponse,
  UnitListQuery,
  UnitWithCount,
} from '../../api/units.schemas.ts';
import type { Database } from '../../db/database.ts';
import { BadRequestError, NotFoundError } from '../../http/errors.ts';
import {
  findLatestUnitDetail,
  findUnitDetailValidOn,
  listChildDetails,
  listLineage,
  listUnitsValidOn,
} from './units.queries.ts';

/** Units valid on a date; without `level` or `parent`, the top level (the provinces). */
/**
 * Units valid on a date (today by default). `permitted`: the units the user may read ('all' for a system
 * administrator); a scoped user's plain list starts at the roots of their subtrees instead of the provinces.
 */
export async function listUnits(
  db: Kysely<Database>,
  query: UnitListQuery,
  today: string,
  permitted: 'all' | readonly number[] = 'all',
): Promise<UnitWithCount[]> {
  const date = query.on ?? today;
  let parentId: number | undefined;
  if (query.parent) {
    const parent = await findUnitDetailValidOn(db, query.parent, date);
    if (!parent) {
      throw new BadRequestError(`Invalid request: parent ${query.parent} is not a unit valid on ${date}`, [
        { path: 'parent', message: `no unit ${query.parent} valid on ${date}` },
      ]);
    }
    parentId = parent.id;
  }
  return listUnitsValidOn(db, date, {
    level: query.level,
    parentId,
    topLevel: !query.level && !query.parent,
    groupTag: query.group,
    ...(permitted === 'all' ? {} : { within: permitted }),
  });
}

/**
 * The unit a request names: the one with this code valid on `on`; without `on`, the one valid today or,
 * for a code no longer in use, the latest one. Also returns the date its relations are read on.
 */
async function resolveUnit(db: Kysely<Database>, code: string, on: string | undefined, today: string) {
  const found = (await findUnitDetailValidOn(db, code, on ?? today)) ?? (on ? undefined : await findLatestUnitDetail(db, code));
  if (!found) throw new NotFoundError(on ? `No unit ${code} valid on ${on}` : `Unknown unit ${code}`);
  const { validTo } = found.unit;
  return { ...found, date: on ?? (validTo !== null && validTo < today ? validTo : today) };
}

export async function getUnitChildren(
  db: Kysely<Database>,
  code: string,
  on: string | undefined,
  today: string,
): Promise<UnitChildrenResponse> {
  const { id, unit, date } = await resolveUnit(db, code, on, today);
  return { unit, on: date, children: await listChildDetails(db, id, date) };
}

export async function getUnitLineage(
  db: Kysely<Database>,
  code: string,
  on: string | undefined,
  today: string,
): Promise<UnitLineageResponse> {
  const { id, unit } = await resolveUnit(db, code, on, today);
  return { unit, ...(await listLineage(db, id)) };
}

