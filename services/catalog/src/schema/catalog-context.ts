import type { BaseContext, ReadAheadLoader } from '@vitrine/platform';
import type DataLoader from 'dataloader';
import type { PreorderCampaign } from '../store/preorder-campaign.entity.js';
import type { Product } from '../store/product.entity.js';
import type { ReleaseDateChange } from '../store/release-date-change.entity.js';
import type { SpecChange } from '../store/spec-change.entity.js';
import type { Studio } from '../store/studio.entity.js';
import type { ListingCache } from './listing-cache.js';
import type { StockLevels } from '../use-cases/stock-counters.js';

export interface CatalogContext extends BaseContext {
  productById: DataLoader<string, Product | null>;
  preorderCampaign: ReadAheadLoader<string, PreorderCampaign | null>;
  releaseDateHistory: DataLoader<string, ReleaseDateChange[]>;
  specHistory: DataLoader<string, SpecChange[]>;
  studioById: ReadAheadLoader<string, Studio | null>;
  stockOf: ReadAheadLoader<string, StockLevels>;
  waitlistLength: DataLoader<string, number>;
  /** This process's listing pages (undefined when turned off). */
  listingCache: ListingCache | undefined;
  /** The signed-in customer's country (looked up once per request); null when anonymous or not known yet. */
  myCountry: () => Promise<string | null>;
}
