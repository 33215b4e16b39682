import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResponseWriter, writeBatch, type PendingWrite } from '../../server/src/features/responses/response-writer.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

// The group-commit writer: many responses per statement, each caller told exactly what happened to its own.
describe.each(testDrivers())('the response writer on %s PostgreSQL', (driver) => {
  let t: TestApp;
  let unitId: number;
  beforeAll(async () => {
    t = await createTestApp(driver);
    unitId = (await t.app.db.selectFrom('units').select('id').where('code', '=', '92').where('valid_to', 'is', null).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t.close());

  function pending(overrides: { id?: string; hash?: string; spentKey?: string; unitId?: number } = {}): PendingWrite {
    return {
      response: {
        id: overrides.id ?? randomUUID(),
        surveyKey: 'sipas-2017',
        surveyVersion: 1,
        unitId: overrides.unitId ?? unitId,
        channel: 'web',
        locale: 'vi',
        localDate: '2026-11-26',
        answers: { feedback_given: false },
        contentHash: overrides.hash ?? 'h1',
      },
      ...(overrides.spentKey ? { spent: { key: overrides.spentKey, week: '2026-11-23' } } : {}),
    };
  }
  const count = async (ids: string[]) =>
    (await t.app.db.selectFrom('responses').select('id').where('id', 'in', ids).execute()).length;

  it('writes a mixed batch and tells each entry its own outcome', async () => {
    const stored = pending({ hash: 'old' });
    await writeBatch(t.app.db, [stored]);
    const fresh = pending();
    const sameIdTwice = randomUUID();
    const dossier = `dossier-${randomUUID()}`;
    const first = pending({ spentKey: dossier });
    const secondOfSameDossier = pending({ spentKey: dossier });

    const outcomes = await writeBatch(t.app.db, [
      fresh,
      pending({ id: stored.response.id, hash: 'new' }),
      pending({ id: sameIdTwice, hash: 'a' }),
      pending({ id: sameIdTwice, hash: 'b' }),
      first,
      secondOfSameDossier,
    ]);
    expect(outcomes).toEqual([
      { kind: 'inserted' },
      { kind: 'exists', contentHash: 'old' }, // id already stored: the caller compares hashes
      { kind: 'inserted' },
      { kind: 'exists', contentHash: 'a' }, // the later copy sees the first
      { kind: 'inserted' },
      { kind: 'spent' }, // one response per dossier
    ]);
    expect(await count([fresh.response.id, sameIdTwice, first.response.id, secondOfSameDossier.response.id])).toBe(3);
  });

  it('recognises the retry of a receipt response, and never spends a token without storing its response', async () => {
    const dossier = `dossier-${randomUUID()}`;
    const original = pending({ spentKey: dossier, hash: 'x' });
    expect(await writeBatch(t.app.db, [original])).toEqual([{ kind: 'inserted' }]);
    expect(await writeBatch(t.app.db, [pending({ id: original.response.id, spentKey: dossier, hash: 'x' })])).toEqual([
      { kind: 'exists', contentHash: 'x' },
    ]);

    // A fresh dossier whose response id is taken: the response is not written, so the dossier stays unanswered.
    const freshDossier = `dossier-${randomUUID()}`;
    const clash = pending({ id: original.response.id, spentKey: freshDossier, hash: 'y' });
    expect(await writeBatch(t.app.db, [clash])).toEqual([{ kind: 'exists', contentHash: 'x' }]);
    const ledger = await t.app.db.selectFrom('spent_tokens').select('spent_key').where('spent_key', '=', freshDossier).execute();
    expect(ledger).toEqual([]);
  });

  it('fails only the bad response of a batch', async () => {
    const writer = createResponseWriter(t.app.db, { maxBatch: 50, lanes: 1 });
    const good = Array.from({ length: 10 }, () => pending());
    const bad = pending({ unitId: 999_999 }); // no such unit: the foreign key refuses it
    const results = await Promise.allSettled([...good, bad].map((p) => writer.write(p)));
    expect(results.slice(0, 10).every((r) => r.status === 'fulfilled' && r.value.kind === 'inserted')).toBe(true);
    expect(results[10]!.status).toBe('rejected');
    expect(await count(good.map((g) => g.response.id))).toBe(10);
  });

  it('settles 200 concurrent writes, each once', async () => {
    const writer = createResponseWriter(t.app.db, { maxBatch: 64, lanes: 2 });
    const writes = Array.from({ length: 200 }, () => pending());
    const outcomes = await Promise.all(writes.map((w) => writer.write(w)));
    expect(outcomes.every((o) => o.kind === 'inserted')).toBe(true);
    expect(await count(writes.map((w) => w.response.id))).toBe(200);
  });
});

// Lanes by unit: a unit whose tally rows are locked (a long transaction, a slow batch) holds up only its own lane.
// Needs a second connection holding the lock, which the embedded database (one connection) cannot give.
describe.each(testDrivers().filter((d) => d === 'postgres'))('the response writer lanes on %s PostgreSQL', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t.close());

  const write = (unitId: number): PendingWrite => ({
    response: {
      id: randomUUID(),
      surveyKey: 'sipas-2017',
      surveyVersion: 1,
      unitId,
      channel: 'web',
      locale: 'vi',
      localDate: '2026-11-26',
      answers: { feedback_given: false },
      contentHash: 'h',
    },
  });

  const within = <T>(ms: number, promise: Promise<T>) =>
    Promise.race([promise, new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms))]);

  it('keeps writing the other lane while one unit waits for its tally rows', async () => {
    const ids = (await t.app.db.selectFrom('units').select('id').where('valid_to', 'is', null).limit(20).execute()).map((u) => u.id);
    // With two lanes, an even and an odd unit id go through different lanes.
    const [waiting, other] = [ids.find((id) => id % 2 === 0)!, ids.find((id) => id % 2 === 1)!];
    const writer = createResponseWriter(t.app.db, { maxBatch: 64, lanes: 2 });
    await writer.write(write(waiting)); // makes the unit's tally rows

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = t.app.db.transaction().execute(async (trx) => {
      await trx.selectFrom('response_tallies').select('unit_id').where('unit_id', '=', waiting).forUpdate().execute();
      locked();
      await released;
    });
    await isLocked;

    const blocked = writer.write(write(waiting));
    try {
      expect(await within(5_000, writer.write(write(other)))).toEqual({ kind: 'inserted' });
      expect(await within(300, blocked)).toBe('still waiting');
    } finally {
      release();
      await holder;
    }
    expect(await blocked).toEqual({ kind: 'inserted' });
  });
});
