import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, checkStaffReason, NotFound } from '@vitrine/platform';
import { checkSaleRules } from '../domain/sale-rules.js';
import { Product } from '../store/product.entity.js';
import { publishProduct } from './create-product.js';
import { recordAudit } from './record-audit.js';

export interface SaleRulesCommand {
  productId: string;
  regionBlocks: readonly string[];
  maxQuantityPerOrder: number | null;
  /** Undefined keeps the current per-customer limit (clients from before it existed); null removes it. */
  maxQuantityPerCustomer?: number | null;
  reason: string;
}

/**
 * Staff replace a product's sale rules (region blocks, per-order limit). The
 * row is locked; the rules, the audit entry (old and new) and a re-published
 * ProductPublished carrying the full current facts commit together, or
 * nothing is written.
 */
export async function setProductSaleRules(em: EntityManager, actor: string, command: SaleRulesCommand): Promise<Product> {
  const staffReason = checkStaffReason(command.reason);
  // Every problem of the request at once; the per-customer limit it keeps (when omitted) is checked against the product below.
  const asked = checkSaleRules({ ...command, maxQuantityPerCustomer: command.maxQuantityPerCustomer ?? null });
  const all = [...asked.problems, ...staffReason.problems];
  if (all.length > 0) throw new BadUserInput('Some sale rules are not valid.', all);
  return em.transactional(async (tx) => {
    const product = await tx.findOne(Product, command.productId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!product) throw new NotFound('Product', command.productId);
    const from = {
      regionBlocks: [...product.regionBlocks],
      maxQuantityPerOrder: product.maxQuantityPerOrder ?? null,
      maxQuantityPerCustomer: product.maxQuantityPerCustomer ?? null,
    };
    const { rules, problems } = checkSaleRules({
      ...command,
      maxQuantityPerCustomer: command.maxQuantityPerCustomer === undefined ? from.maxQuantityPerCustomer : command.maxQuantityPerCustomer,
    });
    if (problems.length > 0) throw new BadUserInput('Some sale rules are not valid.', problems);
    product.regionBlocks = rules.regionBlocks;
    product.maxQuantityPerOrder = rules.maxQuantityPerOrder;
    product.maxQuantityPerCustomer = rules.maxQuantityPerCustomer;
    recordAudit(tx, actor, 'product.sale-rules-changed', product.id, { from, to: rules, reason: staffReason.reason });
    publishProduct(tx, product);
    return product;
  });
}
