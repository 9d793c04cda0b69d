import { CatalogSettingSchema } from './catalog-setting.entity.js';
import { PreorderAllocationSchema } from './preorder-allocation.entity.js';
import { PreorderCampaignSchema } from './preorder-campaign.entity.js';
import { ProductInterestSchema } from './product-interest.entity.js';
import { ProductSchema } from './product.entity.js';
import { ReleaseDateChangeSchema } from './release-date-change.entity.js';
import { SpecChangeSchema } from './spec-change.entity.js';
import { StockMovementSchema } from './stock-movement.entity.js';
import { StockReservationSchema } from './stock-reservation.entity.js';
import { StockTransferSchema } from './stock-transfer.entity.js';
import { StudioSchema } from './studio.entity.js';
import { WarehouseStockSchema } from './warehouse-stock.entity.js';
import { WarehouseSchema } from './warehouse.entity.js';
import { WaitlistOfferSchema } from './waitlist-offer.entity.js';

export const catalogEntities = [
  ProductSchema,
  StockReservationSchema,
  ReleaseDateChangeSchema,
  StudioSchema,
  WarehouseSchema,
  WarehouseStockSchema,
  PreorderAllocationSchema,
  StockMovementSchema,
  StockTransferSchema,
  SpecChangeSchema,
  PreorderCampaignSchema,
  ProductInterestSchema,
  WaitlistOfferSchema,
  CatalogSettingSchema,
];
