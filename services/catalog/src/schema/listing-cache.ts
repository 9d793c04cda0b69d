import type { ChangeSignal } from '@vitrine/platform';
import type { PreorderCampaign } from '../store/preorder-campaign.entity.js';
import type { Studio } from '../store/studio.entity.js';
import type { ProductPage } from '../use-cases/list-products.js';
import type { StockLevels } from '../use-cases/stock-counters.js';

/** A listing page as read once, with what its fields read ahead: answered again without the database. */
export interface CachedPage {
  readonly items: ProductPage['items'];
  readonly hasNextPage: boolean;
  /** The count across pages, counted by the first request that asks for it. */
  readonly countTotal: () => Promise<number>;
  readonly stock: Map<string, StockLevels>;
  readonly studios: Map<string, Studio | null>;
  readonly campaigns: Map<string, PreorderCampaign | null>;
}

export interface ListingCacheOptions {
  /** How long a page is answered again at most, even if no change was heard (default 5 s). */
  ttlMs?: number;
  /** Pages kept at most (default 100, ~50 kB each at 50 products); the oldest goes first. */
  maxPages?: number;
  now?: () => number;
}

interface Kept {
  page: CachedPage;
  at: number;
}

/**
 * Listing pages of this process, kept until the next change to a listing's tables is heard (`ChangeSignal`, from
 * their triggers' notifications and from this process's own commits) and for a few seconds at most. A page is kept
 * only if nothing changed while it was read, and nothing is kept or answered while the signal is not listening: a
 * customer sees a change as soon as its notification reaches the process (milliseconds), not after the TTL.
 */
export class ListingCache {
  private readonly pages = new Map<string, Kept>();
  private seen = -1;
  private readonly ttlMs: number;
  private readonly maxPages: number;
  private readonly now: () => number;

  constructor(
    private readonly signal: Pick<ChangeSignal, 'generation' | 'live'>,
    options: ListingCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 5000;
    this.maxPages = options.maxPages ?? 100;
    this.now = options.now ?? Date.now;
  }

  /** The generation to give `keep` for a read starting now; undefined when a read now may not be kept. */
  beginRead(): number | undefined {
    return this.signal.live() ? this.signal.generation() : undefined;
  }

  lookup(key: string): CachedPage | undefined {
    if (!this.current()) return undefined;
    const kept = this.pages.get(key);
    if (!kept) return undefined;
    if (this.now() - kept.at > this.ttlMs) {
      this.pages.delete(key);
      return undefined;
    }
    return kept.page;
  }

  /** Keeps `page` if nothing changed since its read began (`generation` from `beginRead`). */
  keep(key: string, generation: number | undefined, page: CachedPage): void {
    if (generation === undefined || !this.current() || generation !== this.seen) return;
    this.pages.delete(key);
    this.pages.set(key, { page, at: this.now() });
    if (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value!);
  }

  get size(): number {
    return this.pages.size;
  }

  /** Whether the kept pages may be answered: listening, and every page forgotten once a change is heard. */
  private current(): boolean {
    const generation = this.signal.generation();
    if (generation !== this.seen) {
      this.pages.clear();
      this.seen = generation;
    }
    return this.signal.live();
  }
}
