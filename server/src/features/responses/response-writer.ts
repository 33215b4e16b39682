import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { NewResponse } from './responses.queries.ts';

/** A validated response to store; with a receipt token, also the key that marks its dossier as answered. */
export interface PendingWrite {
  response: NewResponse;
  spent?: { key: string; week: string };
}

/**
 * inserted: stored now. exists: a response with this id was already stored (its hash tells a retry from a
 * conflict). spent: the dossier of this receipt token has already answered.
 */
export type WriteOutcome = { kind: 'inserted' } | { kind: 'exists'; contentHash: string } | { kind: 'spent' };

export interface ResponseWriter {
  write(pending: PendingWrite): Promise<WriteOutcome>;
}

interface Waiting {
  pending: PendingWrite;
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: unknown) => void;
}

export interface WriterOptions {
  /** Responses written by one statement at most. */
  maxBatch: number;
}

const writers = new WeakMap<Kysely<Database>, ResponseWriter>();

/** The writer of a database, made on first use (one per app, as each app has its own Kysely). */
export function responseWriterFor(db: Kysely<Database>): ResponseWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = createResponseWriter(db, { maxBatch: 512 });
    writers.set(db, writer);
  }
  return writer;
}

/**
 * Group commit: responses that arrive while a batch is being written wait and go together in the next
 * statement, so the database commits (and flushes to disk) once per batch instead of once per response.
 * Every caller's promise settles only after its batch has committed.
 *
 * One batch at a time, sent at the end of an event-loop turn: every request read in that turn joins it, and
 * the database is woken once the server has done the turn's own work. Callers hear back only after the next
 * batch is on its way, so the database never waits while replies are written. Measured with bench:ingest
 * (16 connections, BENCHMARKS.md): 16-38 % more responses per second than the two lanes it replaced (one
 * batch in flight per lane, sent at once), twice the responses per commit, less CPU per response; more
 * batches in flight, or commits made durable later by a separate flush, did worse.
 */
export function createResponseWriter(db: Kysely<Database>, options: WriterOptions): ResponseWriter {
  const queue: Waiting[] = [];
  let writing = false;
  let scheduled = false;

  function schedule(): void {
    if (writing || scheduled || queue.length === 0) return;
    scheduled = true;
    setImmediate(writeNext);
  }

  function writeNext(): void {
    scheduled = false; // schedule() saw the writer idle and the queue non-empty; nothing has changed that since
    const batch = queue.splice(0, options.maxBatch);
    writing = true;
    void writeIsolatingFailures(db, batch).then((settle) => {
      writing = false;
      schedule();
      setImmediate(settle); // after the next batch has been sent (immediates run in order)
    });
  }

  return {
    write: (pending) =>
      new Promise<WriteOutcome>((resolve, reject) => {
        queue.push({ pending, resolve, reject });
        schedule();
      }),
  };
}

/**
 * Writes a batch and returns what settles its callers. A batch that fails (a bad row) is retried one response
 * at a time, so one bad row fails only itself. Never rejects.
 */
async function writeIsolatingFailures(db: Kysely<Database>, batch: Waiting[]): Promise<() => void> {
  try {
    const outcomes = await writeBatch(db, batch.map((w) => w.pending));
    return () => batch.forEach((w, i) => w.resolve(outcomes[i]!));
  } catch (error) {
    if (batch.length === 1) return () => batch[0]!.reject(error);
    const settles: Array<() => void> = [];
    for (const waiting of batch) settles.push(await writeIsolatingFailures(db, [waiting]));
    return () => settles.forEach((settle) => settle());
  }
}

/** Writes a batch; returns one outcome per entry, in order. */
export async function writeBatch(db: Kysely<Database>, batch: PendingWrite[]): Promise<WriteOutcome[]> {
  // Within a batch the first entry of an id, and of a dossier, is the one attempted; later ones see its result.
  const leaders = new Map<string, PendingWrite>();
  const dossierLeader = new Map<string, string>();
  for (const entry of batch) {
    if (leaders.has(entry.response.id)) continue;
    if (entry.spent && dossierLeader.has(entry.spent.key)) continue;
    leaders.set(entry.response.id, entry);
    if (entry.spent) dossierLeader.set(entry.spent.key, entry.response.id);
  }
  const attempts = [...leaders.values()];
  const withTokens = attempts.filter((a) => a.spent);

  const { inserted, existing } =
    withTokens.length === 0
      ? await insertResponses(db, attempts) // one statement, committed on its own
      : await db.transaction().execute(async (trx) => {
          await sql`set local synchronous_commit = on`.execute(trx);
          return insertWithLedger(trx, attempts, withTokens);
        });

  return batch.map((entry): WriteOutcome => {
    const { id } = entry.response;
    if (leaders.get(id) === entry && inserted.has(id)) return { kind: 'inserted' };
    const storedHash = existing.get(id) ?? (inserted.has(id) ? leaders.get(id)!.response.contentHash : undefined);
    if (storedHash !== undefined) return { kind: 'exists', contentHash: storedHash };
    return { kind: 'spent' };
  });
}

/**
 * One statement whatever the batch size: the rows travel as one JSON parameter (serialised natively, parsed
 * once by the database), so the text never changes and no per-row parameters are built or planned.
 */
async function insertResponses(db: Kysely<Database> | Transaction<Database>, attempts: PendingWrite[]) {
  const batch = attempts.map(({ response: r }) => ({
    id: r.id,
    survey_key: r.surveyKey,
    survey_version: r.surveyVersion,
    unit_id: r.unitId,
    channel: r.channel,
    locale: r.locale,
    local_date: r.localDate,
    answers: r.answers,
    content_hash: r.contentHash,
    procedure_code: r.procedureCode ?? null,
    from_receipt: r.fromReceipt ?? false,
  }));
  const { rows } = await sql<{ id: string }>`
    insert into responses (id, survey_key, survey_version, unit_id, channel, locale, local_date, answers, content_hash, procedure_code, from_receipt)
    select id, survey_key, survey_version, unit_id, channel, locale, local_date, answers, content_hash, procedure_code, from_receipt
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(id uuid, survey_key text, survey_version integer, unit_id integer,
           channel text, locale text, local_date date, answers jsonb, content_hash text, procedure_code text, from_receipt boolean)
    on conflict (id) do nothing
    returning id`.execute(db);
  const inserted = new Set(rows.map((row) => row.id));
  const missing = attempts.map((a) => a.response.id).filter((id) => !inserted.has(id));
  const existing = new Map<string, string>();
  if (missing.length > 0) {
    const found = await db.selectFrom('responses').select(['id', 'content_hash']).where('id', 'in', missing).execute();
    for (const row of found) existing.set(row.id, row.content_hash);
  }
  return { inserted, existing };
}

/**
 * Marks the dossiers first (the unique ledger key makes a concurrent batch wait, then skip), writes the
 * responses whose dossier was free, and gives the mark back where the response itself was not written
 * (its id already existed), so a token is never used up without its response.
 */
async function insertWithLedger(trx: Transaction<Database>, attempts: PendingWrite[], withTokens: PendingWrite[]) {
  const marked = await trx
    .insertInto('spent_tokens')
    .values(withTokens.map((a) => ({ spent_key: a.spent!.key, spent_week: a.spent!.week })))
    .onConflict((oc) => oc.column('spent_key').doNothing())
    .returning('spent_key')
    .execute();
  const markedKeys = new Set(marked.map((row) => row.spent_key));
  const free = attempts.filter((a) => !a.spent || markedKeys.has(a.spent.key));
  const result = free.length > 0 ? await insertResponses(trx, free) : { inserted: new Set<string>(), existing: new Map<string, string>() };

  const unused = free.filter((a) => a.spent && !result.inserted.has(a.response.id)).map((a) => a.spent!.key);
  if (unused.length > 0) await trx.deleteFrom('spent_tokens').where('spent_key', 'in', unused).execute();
  // A retry of a token response already stored finds its dossier marked: look its id up too.
  const blocked = attempts.filter((a) => a.spent && !markedKeys.has(a.spent.key)).map((a) => a.response.id);
  if (blocked.length > 0) {
    const found = await trx.selectFrom('responses').select(['id', 'content_hash']).where('id', 'in', blocked).execute();
    for (const row of found) result.existing.set(row.id, row.content_hash);
  }
  return result;
}
