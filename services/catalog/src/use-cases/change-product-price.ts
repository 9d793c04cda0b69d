import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { priceChangedV1 } from '@vitrine/contracts';
import { BadUserInput, checkStaffReason, NotFound } from '@vitrine/platform';
import { checkPriceAmount, decidePriceChange } from '../domain/price-change.js';
import { descriptiveFieldsOf } from './product-fields.js';
import { Product } from '../store/product.entity.js';
import { publishProduct } from './create-product.js';
import { recordAudit } from './record-audit.js';
import { catalog } from '../identity.js';

export interface PriceChangeCommand {
  productId: string;
  price: { amount: number; currency: string };
  reason: string;
}

/**
 * Staff change a product's price (tax included). The row is locked; the new
 * price, the audit entry, PriceChanged (old and new) and a re-published
 * ProductPublished (orders prices later orders from it) commit together.
 */
export async function changeProductPrice(em: EntityManager, actor: string, command: PriceChangeCommand): Promise<Product> {
  const staffReason = checkStaffReason(command.reason);
  const problems = [...checkPriceAmount(command.price.amount), ...staffReason.problems];
  if (problems.length > 0) throw new BadUserInput('Some price fields are not valid.', problems);
  return em.transactional(async (tx) => {
    const product = await tx.findOne(Product, command.productId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!product) throw new NotFound('Product', command.productId);
    const oldPrice = { amount: product.priceAmount, currency: product.priceCurrency };
    const { decision, problems: ruleProblems } = decidePriceChange({ ...oldPrice, downPayment: descriptiveFieldsOf(product).downPayment }, command.price);
    if (ruleProblems.length > 0) throw new BadUserInput('The price is not valid for this product.', ruleProblems);
    if (decision.kind === 'UNCHANGED') return product;

    const newPrice = { amount: decision.amount, currency: oldPrice.currency };
    product.priceAmount = newPrice.amount;
    recordAudit(tx, actor, 'product.price-changed', product.id, { oldPrice, newPrice, reason: staffReason.reason });
    catalog.recordEvent(tx, {
      definition: priceChangedV1,
      subject: product.id,
      data: { productId: product.id, oldPrice, newPrice, reason: staffReason.reason, actorId: actor },
    });
    publishProduct(tx, product);
    return product;
  });
}
