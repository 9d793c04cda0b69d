import type { EventDefinition } from '../../event-definition.js';
import { availabilityAlertV1 } from './availability-alert.v1.js';
import { exchangeUnitHeldV1 } from './exchange-unit-held.v1.js';
import { preorderClosedV1 } from './preorder-closed.v1.js';
import { preorderOpenedV1 } from './preorder-opened.v1.js';
import { preorderTermsChangedV1 } from './preorder-terms-changed.v1.js';
import { priceChangedV1 } from './price-changed.v1.js';
import { productArrivedV1 } from './product-arrived.v1.js';
import { productPublishedV1 } from './product-published.v1.js';
import { productReleasedV1 } from './product-released.v1.js';
import { productStatusChangedV1 } from './product-status-changed.v1.js';
import { releaseDateChangedV1 } from './release-date-changed.v1.js';
import { specChangedV1 } from './spec-changed.v1.js';
import { stockRejectedV1 } from './stock-rejected.v1.js';
import { stockReleasedV1 } from './stock-released.v1.js';
import { stockReservedV1 } from './stock-reserved.v1.js';
import { stockTransferredV1 } from './stock-transferred.v1.js';
import { waitlistOfferEndedV1 } from './waitlist-offer-ended.v1.js';
import { waitlistOfferedV1 } from './waitlist-offered.v1.js';
import { warehouseCreatedV1 } from './warehouse-created.v1.js';
import { warehouseUpdatedV1 } from './warehouse-updated.v1.js';

export * from './availability-alert.v1.js';
export * from './exchange-unit-held.v1.js';
export * from './preorder-closed.v1.js';
export * from './preorder-opened.v1.js';
export * from './preorder-terms-changed.v1.js';
export * from './preorder-terms.js';
export * from './price-changed.v1.js';
export * from './product-arrived.v1.js';
export * from './product-interest.js';
export * from './product-published.v1.js';
export * from './product-released.v1.js';
export * from './product-status-changed.v1.js';
export * from './product-status.js';
export * from './release-date-changed.v1.js';
export * from './spec-changed.v1.js';
export * from './stock-rejected.v1.js';
export * from './stock-released.v1.js';
export * from './stock-reserved.v1.js';
export * from './stock-transferred.v1.js';
export * from './waitlist-offer-ended.v1.js';
export * from './waitlist-offered.v1.js';
export * from './warehouse-address.js';
export * from './warehouse-created.v1.js';
export * from './warehouse-updated.v1.js';

/** Every event catalog publishes. */
export const catalogEvents: readonly EventDefinition[] = [
  availabilityAlertV1,
  exchangeUnitHeldV1,
  preorderClosedV1,
  preorderOpenedV1,
  preorderTermsChangedV1,
  priceChangedV1,
  productArrivedV1,
  productPublishedV1,
  productReleasedV1,
  productStatusChangedV1,
  releaseDateChangedV1,
  specChangedV1,
  stockRejectedV1,
  stockReleasedV1,
  stockReservedV1,
  stockTransferredV1,
  waitlistOfferEndedV1,
  waitlistOfferedV1,
  warehouseCreatedV1,
  warehouseUpdatedV1,
];
