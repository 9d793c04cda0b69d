import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { releaseDateChangedV1 } from '@vitrine/contracts';
import { BadUserInput, NotFound, storeNow } from '@vitrine/platform';
import { checkReleaseDateInput, decideReleaseDateChange } from '../domain/release-date-change.js';
import { Product } from '../store/product.entity.js';
import { ReleaseDateChange } from '../store/release-date-change.entity.js';
import { recordAudit } from './record-audit.js';
import { catalog } from '../identity.js';

export interface ReleaseDateCommand {
  productId: string;
  estimate: string;
  reason: string;
}

/**
 * Staff change a product's estimated release date (usually it slips). The
 * new estimate, a history row, an audit entry and ReleaseDateChanged (old and
 * new) commit together; the product row is locked so slips are ordered.
 * `replayingHistory` (the demo seed only): estimates already past are accepted.
 */
export async function changeReleaseDate(
  em: EntityManager,
  actor: string,
  command: ReleaseDateCommand,
  options: { replayingHistory?: boolean } = {},
): Promise<Product> {
  const input = checkReleaseDateInput(command.estimate, command.reason);
  if (input.problems.length > 0) throw new BadUserInput('Some release date fields are not valid.', input.problems);
  return em.transactional(async (tx) => {
    const product = await tx.findOne(Product, command.productId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!product) throw new NotFound('Product', command.productId);
    const oldEstimate = product.releaseEstimate ?? null;
    const now = storeNow();
    const decision = decideReleaseDateChange(product.status, oldEstimate, input.estimate, input.reason, options.replayingHistory ? null : now);
    if (decision.kind === 'UNCHANGED') return product;

    const { estimate: newEstimate, reason } = decision;
    product.releaseEstimate = newEstimate;
    tx.persist(tx.create(ReleaseDateChange, { id: randomUUID(), productId: product.id, oldEstimate, newEstimate, reason, changedBy: actor, changedAt: now }));
    recordAudit(tx, actor, 'product.release-date-changed', product.id, { oldEstimate, newEstimate, reason }, now);
    catalog.recordEvent(tx, {
      definition: releaseDateChangedV1,
      subject: product.id,
      data: { productId: product.id, oldEstimate, newEstimate, reason, actorId: actor },
    });
    return product;
  });
}
