import { describe, expect, it } from 'vitest';
import {
  deliverQueued,
  retryDelayMs,
  verdictFor,
  type DeadLetter,
  type OutboxItem,
  type OutboxStore,
  type SendOutcome,
} from './outbox.ts';

/** The IndexedDB store's contract over two Maps (same ordering: createdAt, then id). */
function fakeStore(items: OutboxItem[] = []) {
  const queue = new Map(items.map((item) => [item.id, item]));
  const dead = new Map<string, DeadLetter>();
  const store: OutboxStore = {
    add: async (item) => void queue.set(item.id, item),
    oldest: async (limit) =>
      [...queue.values()]
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
        .slice(0, limit),
    remove: async (id) => void queue.delete(id),
    bury: async (letter) => {
      queue.delete(letter.id);
      dead.set(letter.id, letter);
    },
    counts: async () => ({ queued: queue.size, dead: dead.size }),
  };
  return { store, queue, dead };
}

const item = (n: number, deviceId = 'dev1'): OutboxItem => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  deviceId,
  createdAt: `2025-08-01T08:00:${String(n).padStart(2, '0')}.000Z`,
  body: { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, survey: 'sipas-2017', version: 1, answers: { q: n } },
});
const n = (i: OutboxItem) => Number(i.id.slice(-12));

/** A server that answers from a script of outcomes per response number (default 201), recording calls. */
function scriptedSend(script: Record<number, SendOutcome[]> = {}) {
  const calls: number[] = [];
  const send = async (i: OutboxItem): Promise<SendOutcome> => {
    calls.push(n(i));
    return script[n(i)]?.shift() ?? { status: 201 };
  };
  return { send, calls };
}

describe('verdictFor', () => {
  it.each<[SendOutcome, string]>([
    [{ status: 201 }, 'delivered'],
    [{ status: 200 }, 'delivered'],
    [{ status: 409 }, 'conflict'],
    [{ status: 400 }, 'dead'],
    [{ status: 404 }, 'dead'],
    [{ status: 410 }, 'dead'],
    [{ status: 413 }, 'dead'],
    [{ status: 401 }, 'unauthorized'],
    [{ status: 429, retryAfterSeconds: 30 }, 'slow-down'],
    [{ status: 408 }, 'retry'],
    [{ status: 500 }, 'retry'],
    [{ status: 503 }, 'retry'],
    [{ status: 'network' }, 'retry'],
    [{ status: 302 }, 'retry'],
  ])('%j → %s', (outcome, verdict) => {
    expect(verdictFor(outcome)).toBe(verdict);
  });
});

describe('deliverQueued', () => {
  it('sends oldest first and removes each item only after the server stored it', async () => {
    const { store, queue } = fakeStore([item(3), item(1), item(2)]);
    const { send, calls } = scriptedSend();
    expect(await deliverQueued(store, send, { deviceId: 'dev1', batch: 2 })).toEqual({ delivered: 3, conflicts: 0, buried: 0 });
    expect(calls).toEqual([1, 2, 3]);
    expect(queue.size).toBe(0);
  });

  it('stops at the first failed attempt and keeps that item and all later ones, in order', async () => {
    const { store, queue } = fakeStore([item(1), item(2), item(3)]);
    const { send, calls } = scriptedSend({ 2: [{ status: 'network' }] });
    expect(await deliverQueued(store, send, { deviceId: 'dev1' })).toEqual({ delivered: 1, conflicts: 0, buried: 0, stoppedBy: 'retry' });
    expect(calls).toEqual([1, 2]);
    expect([...queue.values()].map(n)).toEqual([2, 3]);
  });

  it.each<[string, SendOutcome, string]>([
    ['a server error', { status: 503 }, 'retry'],
    ['a revoked device', { status: 401 }, 'unauthorized'],
  ])('keeps the whole queue on %s', async (_case, outcome, stoppedBy) => {
    const { store, queue, dead } = fakeStore([item(1), item(2)]);
    const { send } = scriptedSend({ 1: [outcome] });
    expect((await deliverQueued(store, send, { deviceId: 'dev1' })).stoppedBy).toBe(stoppedBy);
    expect([queue.size, dead.size]).toEqual([2, 0]);
  });

  it('waits as long as a 429 asks', async () => {
    const { store } = fakeStore([item(1)]);
    const { send } = scriptedSend({ 1: [{ status: 429, retryAfterSeconds: 42 }] });
    expect(await deliverQueued(store, send, { deviceId: 'dev1' })).toMatchObject({ stoppedBy: 'slow-down', retryAfterSeconds: 42 });
  });

  it('moves a refused response to the dead letters with the reason and goes on with the next', async () => {
    const { store, queue, dead } = fakeStore([item(1), item(2)]);
    const { send, calls } = scriptedSend({ 1: [{ status: 400, message: 'Invalid response: answers.q unknown question' }] });
    const now = () => new Date('2025-08-01T09:00:00.000Z');
    expect(await deliverQueued(store, send, { deviceId: 'dev1', now })).toEqual({ delivered: 1, conflicts: 0, buried: 1 });
    expect(calls).toEqual([1, 2]);
    expect(queue.size).toBe(0);
    expect(dead.get(item(1).id)).toEqual({
      ...item(1),
      failedAt: '2025-08-01T09:00:00.000Z',
      status: 400,
      reason: 'Invalid response: answers.q unknown question',
    });
  });

  it('takes a 409 (already stored under this id) out of the queue with a warning, not as a failure', async () => {
    const { store, queue, dead } = fakeStore([item(1)]);
    const warnings: string[] = [];
    const { send } = scriptedSend({ 1: [{ status: 409 }] });
    const report = await deliverQueued(store, send, { deviceId: 'dev1', warn: (m) => warnings.push(m) });
    expect(report).toEqual({ delivered: 0, conflicts: 1, buried: 0 });
    expect([queue.size, dead.size]).toEqual([0, 0]);
    expect(warnings).toEqual([expect.stringContaining(item(1).id)]);
  });

  it("never sends another enrolment's responses with this credential: they become dead letters", async () => {
    const { store, dead } = fakeStore([item(1, 'old-device'), item(2)]);
    const { send, calls } = scriptedSend();
    expect(await deliverQueued(store, send, { deviceId: 'dev1' })).toEqual({ delivered: 1, conflicts: 0, buried: 1 });
    expect(calls).toEqual([2]);
    expect(dead.get(item(1).id)).toMatchObject({ status: 0, reason: expect.stringContaining('another device') });
  });

  it('stores each response exactly once when answers are lost and passes repeat (the server dedupes by id)', async () => {
    // A server that stores by id, behind a network that loses the answer to 2 and 4 after they were stored.
    const stored = new Set<string>();
    const sent: number[] = [];
    const lost = new Set([2, 4]);
    let down = false;
    const send = async (i: OutboxItem): Promise<SendOutcome> => {
      if (down) return { status: 'network' };
      sent.push(n(i));
      stored.add(i.id);
      if (lost.delete(n(i))) return { status: 'network' };
      return { status: 201 };
    };
    const { store, queue } = fakeStore([1, 2, 3, 4, 5].map((i) => item(i)));
    const passes = [];
    for (let pass = 0; pass < 6 && queue.size > 0; pass++) {
      down = pass === 1; // one pass while fully offline
      passes.push(await deliverQueued(store, send, { deviceId: 'dev1' }));
    }
    expect(passes.map((p) => p.stoppedBy)).toEqual(['retry', 'retry', 'retry', undefined]);
    expect(sent).toEqual([1, 2, 2, 3, 4, 4, 5]);
    expect(queue.size).toBe(0);
    expect(stored.size).toBe(5);
  });
});

describe('retryDelayMs', () => {
  it.each([
    // 5 s × 2^(failures−1), capped at 5 min; random 0.5 means no jitter
    [1, undefined, 0.5, 5_000],
    [2, undefined, 0.5, 10_000],
    [4, undefined, 0.5, 40_000],
    [7, undefined, 0.5, 300_000],
    [30, undefined, 0.5, 300_000],
    // jitter is ±20%
    [1, undefined, 0, 4_000],
    [1, undefined, 1, 6_000],
    // a Retry-After longer than the back-off wins; a shorter one does not
    [1, 60, 0.5, 60_000],
    [4, 2, 0.5, 40_000],
  ])('after %i failures (Retry-After %s, random %s): %i ms', (failures, retryAfter, random, expected) => {
    expect(retryDelayMs(failures, retryAfter, () => random)).toBe(expected);
  });
});
