import type { EventDefinition } from './event-definition.js';
import { customerDeletedV1 } from './events/customer-deleted.v1.js';
import { customerFlaggedV1 } from './events/customer-flagged.v1.js';
import { customerRegionChangedV1 } from './events/customer-region-changed.v1.js';
import { customerRegisteredV1 } from './events/customer-registered.v1.js';
import { customerUnflaggedV1 } from './events/customer-unflagged.v1.js';
import { orderPlacedV1 } from './events/order-placed.v1.js';
import { orderStatusChangedV1 } from './events/order-status-changed.v1.js';
import { preorderClosedV1 } from './events/preorder-closed.v1.js';
import { preorderOpenedV1 } from './events/preorder-opened.v1.js';
import { preorderTermsChangedV1 } from './events/preorder-terms-changed.v1.js';
import { priceChangedV1 } from './events/price-changed.v1.js';
import { productArrivedV1 } from './events/product-arrived.v1.js';
import { productPublishedV1 } from './events/product-published.v1.js';
import { productReleasedV1 } from './events/product-released.v1.js';
import { productStatusChangedV1 } from './events/product-status-changed.v1.js';
import { releaseDateChangedV1 } from './events/release-date-changed.v1.js';
import { specChangedV1 } from './events/spec-changed.v1.js';
import { stockRejectedV1 } from './events/stock-rejected.v1.js';
import { stockReleasedV1 } from './events/stock-released.v1.js';
import { stockReservedV1 } from './events/stock-reserved.v1.js';

/** Every event the platform knows, by `type@version`. */
export const eventDefinitions: readonly EventDefinition[] = [
  productPublishedV1,
  productStatusChangedV1,
  productReleasedV1,
  releaseDateChangedV1,
  preorderOpenedV1,
  preorderTermsChangedV1,
  preorderClosedV1,
  priceChangedV1,
  specChangedV1,
  productArrivedV1,
  orderPlacedV1,
  orderStatusChangedV1,
  stockReservedV1,
  stockRejectedV1,
  stockReleasedV1,
  customerRegisteredV1,
  customerFlaggedV1,
  customerUnflaggedV1,
  customerDeletedV1,
  customerRegionChangedV1,
];

const byKey = new Map(eventDefinitions.map((d) => [`${d.type}@${d.version}`, d]));

export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return byKey.get(`${type}@${version}`);
}
