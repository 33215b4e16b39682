import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { findUnitValidOn } from './units.queries.ts';

type FoundUnit = Awaited<ReturnType<typeof findUnitValidOn>>;

/** Units change only by import; a minute's staleness saves a database round trip on every response. */
const TTL_MS = 60_000;
const caches = new WeakMap<Kysely<Database>, Map<string, { unit: FoundUnit; until: number }>>();

export async function findUnitValidOnCached(db: Kysely<Database>, code: string, date: string): Promise<FoundUnit> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = `${code}@${date}`;
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.unit;
  const unit = await findUnitValidOn(db, code, date);
  if (cache.size > 10_000) cache.clear(); // bounded: unknown codes must not grow it without end
  cache.set(key, { unit, until: Date.now() + TTL_MS });
  return unit;
}

/** After an import: the next lookups read the registry again (this process; other workers within the TTL). */
export function forgetCachedUnits(db: Kysely<Database>): void {
  caches.delete(db);
}
