// Pure delivery logic of the kiosk's outbox: what to do with each answer of the server, in which order,
// and when to try again. The store (IndexedDB in the browser, a Map in tests) and the network are passed in.
import type { KioskResponseBody } from '@sipas/server/api/devices';

/** A response waiting on the device. `id` is the response id the server deduplicates on. */
export interface OutboxItem {
  id: string;
  /** The device it was answered on: only that device's credential may deliver it (its unit is stamped). */
  deviceId: string;
  /** ISO time it was written; the queue is delivered oldest first. */
  createdAt: string;
  body: KioskResponseBody & { id: string };
}

/** A response the server refused for good: kept on the device (never retried, never expired), and counted. */
export interface DeadLetter extends OutboxItem {
  failedAt: string;
  status: number;
  reason: string;
}

export interface OutboxStore {
  add(item: OutboxItem): Promise<void>;
  /** Up to `limit` items, oldest first. */
  oldest(limit: number): Promise<OutboxItem[]>;
  remove(id: string): Promise<void>;
  /** Moves an item from the queue to the dead letters, in one transaction. */
  bury(letter: DeadLetter): Promise<void>;
  counts(): Promise<OutboxCounts>;
}

export interface OutboxCounts {
  queued: number;
  dead: number;
}

/** What one delivery attempt got back: an HTTP status (with Retry-After, if any), or no answer at all. */
export type SendOutcome = { status: number; retryAfterSeconds?: number; message?: string } | { status: 'network' };

/**
 * - `delivered`: 201, stored now or before (a retry of the same id and content is answered 201 again);
 * - `conflict`: 409, a response with this id is already stored with other content. Ids are random per
 *   response and a queued body never changes, so the stored one is this respondent's (an earlier attempt
 *   that arrived, stamped differently since): it leaves the queue like a delivered one, with a warning;
 * - `dead`: any other 4xx but 401, 408 and 429: sending it again cannot succeed (invalid, survey closed, unit gone);
 * - `unauthorized`: 401, the device was revoked: stop, keep everything for a re-enrolment;
 * - `slow-down`: 429, stop until Retry-After;
 * - `retry`: no answer, 408 or 5xx: stop and try again later, with back-off.
 */
export type Verdict = 'delivered' | 'conflict' | 'dead' | 'unauthorized' | 'slow-down' | 'retry';

export function verdictFor(outcome: SendOutcome): Verdict {
  const { status } = outcome;
  if (status === 'network') return 'retry';
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 409) return 'conflict';
  if (status === 401) return 'unauthorized';
  if (status === 429) return 'slow-down';
  if (status === 408 || status >= 500) return 'retry';
  if (status >= 400) return 'dead';
  return 'retry'; // 1xx/3xx are not answers of this API: treat as a failed attempt
}

export interface DeliveryReport {
  delivered: number;
  conflicts: number;
  buried: number;
  /** Why the pass ended before the queue was empty; undefined when it emptied it. */
  stoppedBy?: 'retry' | 'slow-down' | 'unauthorized';
  retryAfterSeconds?: number;
}

export interface DeliverOptions {
  deviceId: string;
  now?: () => Date;
  /** Items read from the store at a time. */
  batch?: number;
  warn?: (message: string) => void;
}

/**
 * One pass over the queue, oldest first, one request at a time. An item leaves the queue only after the
 * server's verdict says it is stored (201, or 409) or can never be (dead letter); anything else stops the
 * pass and leaves it, and everything after it, for the next pass. So each response is stored exactly once:
 * the queue never forgets one, and the server stores a repeated id once.
 */
export async function deliverQueued(
  store: OutboxStore,
  send: (item: OutboxItem) => Promise<SendOutcome>,
  { deviceId, now = () => new Date(), batch = 20, warn = () => {} }: DeliverOptions,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { delivered: 0, conflicts: 0, buried: 0 };
  for (;;) {
    const items = await store.oldest(batch);
    if (items.length === 0) return report;
    for (const item of items) {
      if (item.deviceId !== deviceId) {
        // Answered under another enrolment: this credential would stamp it with another device's unit.
        await store.bury({ ...item, failedAt: now().toISOString(), status: 0, reason: 'answered under another device enrolment' });
        report.buried++;
        continue;
      }
      const outcome = await send(item);
      const verdict = verdictFor(outcome);
      switch (verdict) {
        case 'delivered':
          await store.remove(item.id);
          report.delivered++;
          break;
        case 'conflict':
          warn(`response ${item.id} is already stored with other content (409); removed from the queue`);
          await store.remove(item.id);
          report.conflicts++;
          break;
        case 'dead':
          await store.bury({
            ...item,
            failedAt: now().toISOString(),
            status: outcome.status as number,
            reason: ('message' in outcome && outcome.message) || `HTTP ${String(outcome.status)}`,
          });
          report.buried++;
          break;
        default:
          return {
            ...report,
            stoppedBy: verdict,
            ...('retryAfterSeconds' in outcome && outcome.retryAfterSeconds !== undefined
              ? { retryAfterSeconds: outcome.retryAfterSeconds }
              : {}),
          };
      }
    }
  }
}

/** Regular pace of delivery passes while all is well (a pass with an empty queue costs no request). */
export const DELIVERY_INTERVAL_MS = 30_000;
const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * When to try again after `failures` failed passes in a row: 5 s doubling up to 5 min, ±20% jitter so
 * that forty kiosks coming back online together do not all ask at once. A Retry-After wins if longer.
 */
export function retryDelayMs(failures: number, retryAfterSeconds?: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** Math.max(0, failures - 1));
  const jittered = Math.round(base * (0.8 + 0.4 * random()));
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}
