import type { EntitySchema } from '@mikro-orm/core';
import { ClaimSchema } from './claim.entity.js';
import { ClaimableLineSchema, ClaimableOrderSchema } from './claimable-order.entity.js';
import { EvidenceSchema } from './evidence.entity.js';
import { KnownProductPartSchema } from './known-product-part.entity.js';
import { KnownProductSchema } from './known-product.entity.js';
import { PolicyVersionSchema } from './policy-version.entity.js';
import { PreferenceReturnSchema } from './preference-return.entity.js';
import { KnownWarehouseSchema, OrderParcelSchema } from './return-warehouse.entity.js';

/** aftersales' own entities (the platform's tables come with every service). */
export const aftersalesEntities: EntitySchema[] = [
  PolicyVersionSchema,
  KnownProductSchema,
  KnownProductPartSchema,
  ClaimableOrderSchema,
  ClaimableLineSchema,
  ClaimSchema,
  EvidenceSchema,
  PreferenceReturnSchema,
  KnownWarehouseSchema,
  OrderParcelSchema,
];
