import type { BaseContext } from '@vitrine/platform';
import type DataLoader from 'dataloader';
import type { Product } from '../store/product.entity.js';
import type { ReleaseDateChange } from '../store/release-date-change.entity.js';
import type { Studio } from '../store/studio.entity.js';
import type { ProductStockLevels } from './stock-loader.js';

export interface CatalogContext extends BaseContext {
  productById: DataLoader<string, Product | null>;
  releaseDateHistory: DataLoader<string, ReleaseDateChange[]>;
  studioById: DataLoader<string, Studio | null>;
  stockOf: DataLoader<string, ProductStockLevels>;
  /** The signed-in customer's country (looked up once per request); null when anonymous or not known yet. */
  myCountry: () => Promise<string | null>;
}
