import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
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
    const writer = createResponseWriter(t.app.db, { maxBatch: 50 });
    const good = Array.from({ length: 10 }, () => pending());
    const bad = pending({ unitId: 999_999 }); // no such unit: the foreign key refuses it
    const results = await Promise.allSettled([...good, bad].map((p) => writer.write(p)));
    expect(results.slice(0, 10).every((r) => r.status === 'fulfilled' && r.value.kind === 'inserted')).toBe(true);
    expect(results[10]!.status).toBe('rejected');
    expect(await count(good.map((g) => g.response.id))).toBe(10);
  });

  it('writes the responses that arrive together in one transaction, up to the batch size', async () => {
    const writer = createResponseWriter(t.app.db, { maxBatch: 64 });
    const transactionsOf = async (writes: PendingWrite[]) => {
      const rows = await t.app.db
        .selectFrom('responses')
        .select(sql<string>`xmin::text`.as('xmin'))
        .where('id', 'in', writes.map((w) => w.response.id))
        .execute();
      return new Set(rows.map((row) => row.xmin)).size;
    };
    const together = Array.from({ length: 20 }, () => pending());
    await Promise.all(together.map((w) => writer.write(w)));
    expect(await transactionsOf(together)).toBe(1);

    const many = Array.from({ length: 130 }, () => pending());
    await Promise.all(many.map((w) => writer.write(w)));
    expect(await transactionsOf(many)).toBe(3); // 64 + 64 + 2
  });

  it('settles 200 concurrent writes, each once', async () => {
    const writer = createResponseWriter(t.app.db, { maxBatch: 64 });
    const writes = Array.from({ length: 200 }, () => pending());
    const outcomes = await Promise.all(writes.map((w) => writer.write(w)));
    expect(outcomes.every((o) => o.kind === 'inserted')).toBe(true);
    expect(await count(writes.map((w) => w.response.id))).toBe(200);
  });
});
