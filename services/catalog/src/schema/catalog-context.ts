import type { BaseContext } from '@vitrine/platform';
import type DataLoader from 'dataloader';
import type { Product } from '../store/product.entity.js';

export interface CatalogContext extends BaseContext {
  productById: DataLoader<string, Product | null>;
}
