import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { productPublishedV1 } from '@vitrine/contracts';
import { BadUserInput, Conflict, recordEvent } from '@vitrine/platform';
import { checkNewProduct, type NewProductInput } from '../domain/new-product.js';
import { Product } from '../store/product.entity.js';

export const catalogSource = 'catalog';

/** Creates a product and announces it, in one transaction. */
export async function createProduct(em: EntityManager, input: NewProductInput): Promise<Product> {
  const problems = checkNewProduct(input);
  if (problems.length > 0) throw new BadUserInput('Some product fields are not valid.', problems);
  try {
    return await em.transactional(async (tx) => {
      const product = tx.create(Product, {
        id: randomUUID(),
        sku: input.sku.trim(),
        name: input.name.trim(),
        priceAmount: input.priceAmount,
        priceCurrency: input.priceCurrency,
        stock: input.stock,
      });
      tx.persist(product);
      recordEvent(tx, {
        source: catalogSource,
        definition: productPublishedV1,
        subject: product.id,
        data: {
          productId: product.id,
          sku: product.sku,
          name: product.name,
          price: { amount: product.priceAmount, currency: product.priceCurrency },
        },
      });
      return product;
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) {
      throw new Conflict(`A product with SKU ${input.sku.trim()} already exists.`, { field: 'sku' });
    }
    throw err;
  }
}
