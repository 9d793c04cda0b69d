import type { ChangeSignal } from '@vitrine/platform';

export interface ReadCacheOptions {
  /** How long a value is answered again at most, even if no change was heard (default 5 s). */
  ttlMs?: number;
  /** Values kept at most (default 100); the oldest kept goes first. */
  maxEntries?: number;
  now?: () => number;
}

interface Kept<V> {
  value: V;
  at: number;
}

/**
 * What this process read of a listing's tables (pages, products), kept until the next change to those tables is
 * heard (`ChangeSignal`, from their triggers' notifications and from this process's own commits) and for a few
 * seconds at most. A value is kept only if nothing changed while it was read, and nothing is kept or answered while
 * the signal is not listening: a customer sees a change as soon as its notification reaches the process
 * (milliseconds), not after the TTL.
 */
export class ReadCache<V> {
  private readonly kept = new Map<string, Kept<V>>();
  private seen = -1;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly signal: Pick<ChangeSignal, 'generation' | 'live'>,
    options: ReadCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 5000;
    this.maxEntries = options.maxEntries ?? 100;
    this.now = options.now ?? Date.now;
  }

  /** The generation to give `keep` for a read starting now; undefined when a read now may not be kept. */
  beginRead(): number | undefined {
    return this.signal.live() ? this.signal.generation() : undefined;
  }

  lookup(key: string): V | undefined {
    if (!this.current()) return undefined;
    const kept = this.kept.get(key);
    if (!kept) return undefined;
    if (this.now() - kept.at > this.ttlMs) {
      this.kept.delete(key);
      return undefined;
    }
    return kept.value;
  }

  /** Keeps `value` if nothing changed since its read began (`generation` from `beginRead`). */
  keep(key: string, generation: number | undefined, value: V): void {
    if (generation === undefined || !this.current() || generation !== this.seen) return;
    this.kept.delete(key);
    this.kept.set(key, { value, at: this.now() });
    if (this.kept.size > this.maxEntries) this.kept.delete(this.kept.keys().next().value!);
  }

  get size(): number {
    return this.kept.size;
  }

  /** Whether the kept values may be answered: listening, and every value forgotten once a change is heard. */
  private current(): boolean {
    const generation = this.signal.generation();
    if (generation !== this.seen) {
      this.kept.clear();
      this.seen = generation;
    }
    return this.signal.live();
  }
}
