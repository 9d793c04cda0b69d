import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { productPublishedV1 } from '@vitrine/contracts';
import { BadUserInput, Conflict, isUuid, type FieldProblem, storeNow } from '@vitrine/platform';
import { checkNewProduct, type NewProductInput } from '../domain/new-product.js';
import type { ProductStatus } from '../domain/product-status.js';
import { warehousesFor } from '../domain/reservation.js';
import { Product } from '../store/product.entity.js';
import { applyDescriptiveFields } from './product-fields.js';
import { ownImageStoreFor } from './product-images.js';
import { Studio } from '../store/studio.entity.js';
import { warehousesInUse } from './create-warehouse.js';
import { openNewWindow } from './preorder-window.js';
import { checkWarehouse } from './receive-stock.js';
import { recordAudit } from './record-audit.js';
import { applyMovement, storePoolCapacity } from './stock-counters.js';
import { catalog } from '../identity.js';

/** Creates a product, audits and announces it, in one transaction. `actor` is the staff member (or the demo seed's system id). */
export async function createProduct(em: EntityManager, input: NewProductInput, actor: string | null = null): Promise<Product> {
  const status = input.status ?? 'IN_STOCK';
  const stock = input.stock ?? 0;
  const warehouse = stock > 0 ? await initialWarehouse(em, status, input.warehouseId) : { problems: [] };
  // A product not created yet has no uploaded image: our store's URLs are refused, only https ones are taken.
  const checked = checkNewProduct(input, undefined, ownImageStoreFor(null));
  const problems = [...checked.problems, ...(await checkStudioExists(em, input.studioId)), ...warehouse.problems];
  if (problems.length > 0) throw new BadUserInput('Some product fields are not valid.', problems);
  const { sku, name, rules, details, downPayment } = checked.product;
  try {
    return await em.transactional(async (tx) => {
      const product = tx.create(Product, {
        id: randomUUID(),
        sku,
        name,
        priceAmount: input.priceAmount,
        priceCurrency: input.priceCurrency,
        status,
        releaseEstimate: null,
        studioId: input.studioId ?? null,
        regionBlocks: rules.regionBlocks,
        maxQuantityPerOrder: rules.maxQuantityPerOrder,
        maxQuantityPerCustomer: rules.maxQuantityPerCustomer,
      });
      applyDescriptiveFields(product, { ...details, downPayment });
      tx.persist(product);
      const initialStock = warehouse.id ? { stock, warehouseId: warehouse.id } : {};
      const limitedQuantity = input.limitedQuantity ?? null;
      recordAudit(tx, actor, 'product.created', product.id, {
        sku: product.sku,
        status: product.status,
        studioId: product.studioId ?? null,
        ...rules,
        ...details,
        downPayment,
        ...initialStock,
        // Recorded under its first name since the first entry (audit history): the limited quantity.
        preorderLimit: limitedQuantity,
      });
      if (warehouse.id)
        await applyMovement(tx, { productId: product.id, warehouseId: warehouse.id, kind: 'RECEIVED', quantity: stock, reason: 'Stock at creation.', actor });
      // Nothing has arrived yet: the pool's capacity is the limited quantity.
      if (limitedQuantity !== null) await storePoolCapacity(tx, product.id, limitedQuantity);
      publishProduct(tx, product);
      // A product created on preorder gets its window at once (open-ended, the store's default plan).
      if (product.status === 'PREORDER') await openNewWindow(tx, product, limitedQuantity, actor, storeNow());
      return product;
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) {
      throw new Conflict(`A product with SKU ${sku} already exists.`, { field: 'sku' });
    }
    throw err;
  }
}

/** Stages ProductPublished with the product's full orderable facts (on creation, and again when its sale rules, name, price, down payment, weight, package size or parts change: after-sales names a claim's parts from them). */
export function publishProduct(tx: EntityManager, product: Product): void {
  catalog.recordEvent(tx, {
    definition: productPublishedV1,
    subject: product.id,
    data: {
      productId: product.id,
      sku: product.sku,
      name: product.name,
      price: { amount: product.priceAmount, currency: product.priceCurrency },
      status: product.status,
      regionBlocks: [...product.regionBlocks],
      maxQuantityPerOrder: product.maxQuantityPerOrder ?? null,
      maxQuantityPerCustomer: product.maxQuantityPerCustomer ?? null,
      downPayment: product.downPaymentAmount == null ? null : { amount: product.downPaymentAmount, currency: product.priceCurrency },
      weightGrams: product.weightGrams ?? null,
      packageDimensions:
        product.packageLengthMm != null && product.packageWidthMm != null && product.packageHeightMm != null
          ? { lengthMm: product.packageLengthMm, widthMm: product.packageWidthMm, heightMm: product.packageHeightMm }
          : null,
      parts: product.parts.map((part) => ({ name: part.name, category: part.category })),
    },
  });
}

/**
 * Where stock given at creation goes: the warehouse named, or else the first
 * one the product's status sells from (factory-held for CHINA_STOCK, our own
 * first otherwise; see domain/reservation.ts).
 */
async function initialWarehouse(em: EntityManager, status: ProductStatus, warehouseId: string | undefined): Promise<{ id?: string; problems: FieldProblem[] }> {
  if (warehouseId !== undefined) {
    const problems = await checkWarehouse(em, warehouseId);
    return problems.length ? { problems } : { id: warehouseId, problems };
  }
  const levels = (await warehousesInUse(em)).map((w) => ({
    warehouseId: w.id,
    code: w.code,
    heldByFactory: w.heldByFactory,
    allocationPriority: w.allocationPriority,
    onHand: 0,
    reserved: 0,
  }));
  const first = warehousesFor(status === 'CHINA_STOCK' ? status : 'IN_STOCK', levels)[0];
  if (first) return { id: first.warehouseId, problems: [] };
  return {
    problems: [{ field: 'warehouseId', reason: 'NO_WAREHOUSE', message: 'Create a warehouse to receive this stock into first (see createWarehouse).' }],
  };
}

export async function checkStudioExists(em: EntityManager, studioId: string | null | undefined): Promise<FieldProblem[]> {
  if (studioId === undefined || studioId === null) return [];
  if (isUuid(studioId) && (await em.count(Studio, { id: studioId })) === 1) return [];
  return [{ field: 'studioId', reason: 'UNKNOWN_STUDIO', message: 'No studio has this id.' }];
}
