/**
 * A tiny key-value store over IndexedDB (one database, one object store), with an in-memory stand-in where
 * IndexedDB is missing or refuses to open (private windows, tests).
 */

/** Where the workspace's records live. */
export interface KeyValueBackend {
  get(key: string): Promise<unknown>;
  /** Writes several records in one transaction. */
  putAll(entries: readonly (readonly [string, unknown])[]): Promise<void>;
  deleteAll(): Promise<void>;
}

/** A backend that keeps records in memory (lost on reload). */
export function memoryBackend(): KeyValueBackend {
  const map = new Map<string, unknown>();
  return {
    get: async (key) => structuredClone(map.get(key)),
    putAll: async (entries) => {
      for (const [k, v] of entries) map.set(k, structuredClone(v));
    },
    deleteAll: async () => map.clear(),
  };
}

function promised<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** A backend on IndexedDB database `dbName`; falls back to memory if the database cannot be opened. */
export function indexedDbBackend(dbName: string, storeName = 'records'): KeyValueBackend {
  let dbPromise: Promise<IDBDatabase | undefined> | undefined;
  const fallback = memoryBackend();
  const open = (): Promise<IDBDatabase | undefined> => {
    dbPromise ??= new Promise((resolve) => {
      if (typeof indexedDB === 'undefined') return resolve(undefined);
      try {
        const req = indexedDB.open(dbName, 1);
        req.onupgradeneeded = () => {
          if (!req.result.objectStoreNames.contains(storeName)) req.result.createObjectStore(storeName);
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => resolve(undefined);
        req.onblocked = () => resolve(undefined);
      } catch {
        resolve(undefined);
      }
    });
    return dbPromise;
  };
  return {
    async get(key) {
      const db = await open();
      if (!db) return fallback.get(key);
      return promised(db.transaction(storeName, 'readonly').objectStore(storeName).get(key));
    },
    async putAll(entries) {
      const db = await open();
      if (!db) return fallback.putAll(entries);
      const tx = db.transaction(storeName, 'readwrite');
      const store = tx.objectStore(storeName);
      for (const [k, v] of entries) store.put(v, k);
      return done(tx);
    },
    async deleteAll() {
      const db = await open();
      if (!db) return fallback.deleteAll();
      const tx = db.transaction(storeName, 'readwrite');
      tx.objectStore(storeName).clear();
      return done(tx);
    },
  };
}
