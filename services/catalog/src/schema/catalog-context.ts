import type { BaseContext, ReadAheadLoader } from '@vitrine/platform';
import type DataLoader from 'dataloader';
import type { PreorderCampaign } from '../store/preorder-campaign.entity.js';
import type { Product } from '../store/product.entity.js';
import type { ReleaseDateChange } from '../store/release-date-change.entity.js';
import type { SpecChange } from '../store/spec-change.entity.js';
import type { Studio } from '../store/studio.entity.js';
import type { ReadCache } from './read-cache.js';
import type { CachedPage } from './read-listing.js';
import type { StockLevels } from '../use-cases/stock-counters.js';

export interface CatalogContext extends BaseContext {
  productById: DataLoader<string, Product | null>;
  preorderCampaign: ReadAheadLoader<string, PreorderCampaign | null>;
  releaseDateHistory: DataLoader<string, ReleaseDateChange[]>;
  specHistory: DataLoader<string, SpecChange[]>;
  studioById: ReadAheadLoader<string, Studio | null>;
  stockOf: ReadAheadLoader<string, StockLevels>;
  waitlistLength: DataLoader<string, number>;
  /** What this process read of a listing's tables, kept until they change (undefined when turned off). */
  readCaches: CatalogReadCaches | undefined;
  /** The signed-in customer's country (looked up once per request); null when anonymous or not known yet. */
  myCountry: () => Promise<string | null>;
}

/** This process's read caches, forgotten together on every change to a listing's tables (`start-read-caches.ts`). */
export interface CatalogReadCaches {
  /** Listing pages by query. */
  pages: ReadCache<CachedPage>;
  /** Products by id, as the gateway asks for them (order lines, carts) and `product(id)`. */
  products: ReadCache<Product>;
}
