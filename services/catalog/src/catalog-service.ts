import { catalog } from './identity.js';
import { customerRegionProjection, type ServiceDefinition } from '@vitrine/platform';
import { catalogHandlers } from './events/handlers.js';
import type { CatalogContext, CatalogReadCaches } from './schema/catalog-context.js';
import { ProductAuditResolver } from './schema/product-audit.resolver.js';
import { createPreorderCampaignLoader } from './schema/preorder-campaign-loader.js';
import { PreorderCampaignResolver } from './schema/preorder-campaign.resolver.js';
import { preorderTimerHandlers } from './use-cases/preorder-timers.js';
import { waitlistTimerHandlers } from './use-cases/waitlist-timers.js';
import { CatalogSettingsResolver } from './schema/catalog-settings.resolver.js';
import { ProductInterestResolver, ProductWaitlistResolver } from './schema/product-interest.resolver.js';
import { createWaitlistLengthLoader } from './schema/waitlist-length-loader.js';
import { ProductConnectionResolver } from './schema/product-connection.resolver.js';
import { ProductLifecycleResolver } from './schema/product-lifecycle.resolver.js';
import { ProductDetailsResolver } from './schema/product-details.resolver.js';
import { ProductOrderabilityResolver } from './schema/product-orderability.resolver.js';
import { myCountryLookup } from './use-cases/customer-region.js';
import { ProductResolver } from './schema/product.resolver.js';
import { resolveProductReference } from './schema/product.reference.js';
import { createProductLoader } from './schema/product-loader.js';
import { createReleaseDateHistoryLoader } from './schema/release-date-history-loader.js';
import { createSpecHistoryLoader } from './schema/spec-history-loader.js';
import { createStockLoader } from './schema/stock-loader.js';
import { startReadCaches } from './start-read-caches.js';
import { StockResolver } from './schema/stock.resolver.js';
import { StockTransferResolver } from './schema/stock-transfer.resolver.js';
import { ProductStockResolver } from './schema/product-stock.resolver.js';
import { WarehouseResolver } from './schema/warehouse.resolver.js';
import { createStudioLoader } from './schema/studio-loader.js';
import { ProductStudioResolver, StudioResolver } from './schema/studio.resolver.js';
import { ProductImageResolver } from './schema/product-image.resolver.js';
import { seedDemoCatalog } from './seed/demo-catalog.js';
import { configureProductImageStore, imageReadRoute, imageUploadRoute, rememberListeningUrl } from './storage/configure-product-image-store.js';
import { imageReadPath, imageUploadPath } from './storage/file-product-image-store.js';
import { catalogEntities } from './store/entities.js';
import { catalogMigrations } from './store/migrations/index.js';

export const catalogService: ServiceDefinition<CatalogContext, CatalogReadCaches | undefined> = {
  identity: catalog,
  entities: catalogEntities,
  migrations: catalogMigrations,
  resolvers: [
    ProductResolver,
    ProductLifecycleResolver,
    ProductStudioResolver,
    StudioResolver,
    ProductConnectionResolver,
    ProductOrderabilityResolver,
    ProductDetailsResolver,
    PreorderCampaignResolver,
    ProductStockResolver,
    WarehouseResolver,
    StockResolver,
    StockTransferResolver,
    ProductAuditResolver,
    ProductInterestResolver,
    ProductWaitlistResolver,
    CatalogSettingsResolver,
    ProductImageResolver,
  ],
  referenceResolvers: { Product: { __resolveReference: resolveProductReference } },
  handlers: catalogHandlers,
  projections: [customerRegionProjection],
  timers: [...preorderTimerHandlers, ...waitlistTimerHandlers],
  processShared: startReadCaches,
  extendContext: (base, readCaches) => ({
    ...base,
    readCaches,
    productById: createProductLoader(base.em, readCaches?.products),
    preorderCampaign: createPreorderCampaignLoader(base.em),
    releaseDateHistory: createReleaseDateHistoryLoader(base.em),
    specHistory: createSpecHistoryLoader(base.em),
    studioById: createStudioLoader(base.em),
    stockOf: createStockLoader(base.em),
    waitlistLength: createWaitlistLengthLoader(base.em),
    myCountry: myCountryLookup(base.em, base.caller),
  }),
  seed: seedDemoCatalog,
  // Staff's product images: an S3 bucket, or (npm start) a folder behind these two routes.
  httpRoutes: { [imageUploadPath]: (req, res) => imageUploadRoute(req, res), [imageReadPath]: (req, res) => imageReadRoute(req, res) },
  onStart: async ({ env, environment }) => configureProductImageStore(env, environment),
  onListening: async ({ url }) => {
    rememberListeningUrl(url);
    return async () => {};
  },
};
