// The kiosk's IndexedDB: the outbox of responses waiting for delivery, the dead letters, and the device's
// own data (credential, configuration, survey definition) so that it starts and takes responses offline.
// Nothing here expires: a response leaves the outbox only when the server has it (see outbox.ts).
import type { DeadLetter, OutboxCounts, OutboxItem, OutboxStore } from './outbox.ts';

const DB_NAME = 'sipas-kiosk';
const DB_VERSION = 1;
const OUTBOX = 'outbox';
const DEAD = 'dead';
const META = 'meta';

export interface KioskDb extends OutboxStore {
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves when the transaction has committed (durably, as far as the browser goes), not just when a request succeeded. */
function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function openKioskDb(factory: IDBFactory = indexedDB): Promise<KioskDb> {
  const request = factory.open(DB_NAME, DB_VERSION);
  request.onupgradeneeded = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains(OUTBOX)) {
      db.createObjectStore(OUTBOX, { keyPath: 'id' }).createIndex('createdAt', ['createdAt', 'id']);
    }
    if (!db.objectStoreNames.contains(DEAD)) db.createObjectStore(DEAD, { keyPath: 'id' });
    if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
  };
  return done(request).then(wrap);
}

function wrap(db: IDBDatabase): KioskDb {
  const write = async (stores: string[], requests: (tx: IDBTransaction) => void) => {
    // 'strict' durability: the thank-you screen is shown only once the response is on disk.
    const tx = db.transaction(stores, 'readwrite', { durability: 'strict' });
    const finished = committed(tx);
    requests(tx);
    await finished;
  };
  const read = <T>(store: string, request: (s: IDBObjectStore) => IDBRequest<T>) =>
    done(request(db.transaction(store, 'readonly').objectStore(store)));

  return {
    add: (item: OutboxItem) => write([OUTBOX], (tx) => tx.objectStore(OUTBOX).add(item)),
    oldest: (limit: number) => read(OUTBOX, (s) => s.index('createdAt').getAll(null, limit)) as Promise<OutboxItem[]>,
    remove: (id: string) => write([OUTBOX], (tx) => tx.objectStore(OUTBOX).delete(id)),
    bury: (letter: DeadLetter) =>
      write([OUTBOX, DEAD], (tx) => {
        tx.objectStore(OUTBOX).delete(letter.id);
        tx.objectStore(DEAD).put(letter);
      }),
    counts: async (): Promise<OutboxCounts> => {
      const tx = db.transaction([OUTBOX, DEAD], 'readonly');
      const [queued, dead] = await Promise.all([done(tx.objectStore(OUTBOX).count()), done(tx.objectStore(DEAD).count())]);
      return { queued, dead };
    },
    getMeta: <T>(key: string) => read(META, (s) => s.get(key)) as Promise<T | undefined>,
    setMeta: (key: string, value: unknown) => write([META], (tx) => tx.objectStore(META).put(value, key)),
  };
}
