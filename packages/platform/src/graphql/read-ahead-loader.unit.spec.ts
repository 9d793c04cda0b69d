import { describe, expect, it } from 'vitest';
import { readAheadLoader } from './read-ahead-loader.js';

/** A loader over squares that records each batch it was asked for. */
function squares() {
  const batches: number[][] = [];
  const loader = readAheadLoader<number, number>(async (keys) => {
    batches.push([...keys]);
    return keys.map((k) => k * k);
  });
  return { loader, batches };
}

describe('a read-ahead loader', () => {
  it('reads the keys it has not read yet in one batch, once each', async () => {
    const { loader, batches } = squares();
    await loader.readAll([2, 3, 2]);
    await loader.readAll([3, 4]);
    await loader.readAll([2, 4]);
    expect(batches).toEqual([[2, 3], [4]]);
  });

  it('answers a key it read synchronously, and one it has not as a promise', async () => {
    const { loader } = squares();
    await loader.readAll([5]);
    expect(loader.resolve(5, (v) => v + 1)).toBe(26);
    const later = loader.resolve(6, (v) => v + 1);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBe(37);
    // Read by that load: synchronous from then on.
    expect(loader.resolve(6, (v) => v)).toBe(36);
  });

  it('batches the loads of one tick, as a DataLoader does, and does not ask again for what it read', async () => {
    const { loader, batches } = squares();
    await loader.readAll([1]);
    expect(await Promise.all([loader.resolve(7, (v) => v), loader.resolve(8, (v) => v), loader.resolve(1, (v) => v)])).toEqual([49, 64, 1]);
    expect(batches).toEqual([[1], [7, 8]]);
  });

  it('keeps a null answer as read (a product without a studio is not asked for again)', async () => {
    const batches: string[][] = [];
    const loader = readAheadLoader<string, string | null>(async (keys) => {
      batches.push([...keys]);
      return keys.map(() => null);
    });
    await loader.readAll(['a']);
    expect(loader.resolve('a', (v) => v)).toBeNull();
    await loader.readAll(['a']);
    expect(batches).toEqual([['a']]);
  });

  it('gives what it read for chosen keys, and answers primed keys without reading them', async () => {
    const { loader, batches } = squares();
    await loader.readAll([2, 3]);
    expect([...loader.known([3, 4, 2])]).toEqual([
      [3, 9],
      [2, 4],
    ]);
    const other = squares();
    other.loader.prime(loader.known([2, 3]));
    await other.loader.readAll([2, 3, 5]);
    expect(other.batches).toEqual([[5]]);
    expect(other.loader.resolve(3, (v) => v)).toBe(9);
    expect(batches).toEqual([[2, 3]]);
  });
});
