import DataLoader from 'dataloader';

/**
 * A per-request loader that a page can fill before its fields resolve. Fields load through it as through a
 * DataLoader (the keys of one tick in one batch); a resolver that lists a page calls `readAll` with the page's keys
 * first, and then each field answers from what was read without a promise (`resolve`). graphql-js awaits an object
 * only when one of its fields is a promise: a page whose fields are all known completes without a promise per item.
 */
export interface ReadAheadLoader<K, V> {
  /** Reads, in one batch, the keys not read yet in this request. */
  readAll(keys: readonly K[]): Promise<void>;
  /** The value for `key` through `then`: synchronously when it was read already, as a promise otherwise. */
  resolve<R>(key: K, then: (value: V) => R): R | Promise<R>;
  /** What this request read so far for `keys` (those not read are absent): to keep it beyond the request. */
  known(keys: readonly K[]): Map<K, V>;
  /** Values read earlier (kept beyond their request) to answer from as if read in this one. */
  prime(values: ReadonlyMap<K, V>): void;
}

/** `batch` answers each key of its argument at the same position, as a DataLoader's batch function does. */
export function readAheadLoader<K, V>(batch: (keys: readonly K[]) => Promise<readonly V[]>): ReadAheadLoader<K, V> {
  const read = new Map<K, V>();
  const readNow = async (keys: readonly K[]): Promise<V[]> => {
    const values = await batch(keys);
    return keys.map((key, i) => {
      const value = values[i] as V;
      read.set(key, value);
      return value;
    });
  };
  const loader = new DataLoader<K, V>(readNow);
  return {
    async readAll(keys) {
      const missing = [...new Set(keys)].filter((key) => !read.has(key));
      if (missing.length > 0) await readNow(missing);
    },
    resolve(key, then) {
      return read.has(key) ? then(read.get(key) as V) : loader.load(key).then(then);
    },
    known(keys) {
      const values = new Map<K, V>();
      for (const key of keys) if (read.has(key)) values.set(key, read.get(key) as V);
      return values;
    },
    prime(values) {
      for (const [key, value] of values) read.set(key, value);
    },
  };
}
