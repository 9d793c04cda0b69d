import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, NotFound, scheduleTimer, storeNow } from '@vitrine/platform';
import { checkCampaignTerms, decideOpening, type CampaignTerms } from '../domain/preorder-campaign.js';
import type { PreorderCampaign } from '../store/preorder-campaign.entity.js';
import { Product } from '../store/product.entity.js';
import { campaignToOpen, openWindowNow, paymentPlanColumns, preorderTimers, termsOf } from './preorder-window.js';
import { recordAudit } from './record-audit.js';

export interface OpenCampaignCommand extends CampaignTerms {
  productId: string;
}

/**
 * Staff open a product's preorder window now or schedule it (a durable timer
 * opens it on time, even across restarts). Scheduling again before it opens
 * replaces the schedule; a closed window reopens with the new terms.
 */
export async function openPreorderCampaign(em: EntityManager, actor: string, command: OpenCampaignCommand): Promise<PreorderCampaign> {
  const now = storeNow();
  const problems = checkCampaignTerms(command, now);
  if (problems.length > 0) throw new BadUserInput('Some preorder campaign fields are not valid.', problems);
  return em.transactional(async (tx) => {
    const product = await tx.findOne(Product, command.productId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!product) throw new NotFound('Product', command.productId);
    const decision = decideOpening(product.status, command.opensAt, now);

    const campaign = await campaignToOpen(tx, product.id, actor, now);
    Object.assign(campaign, {
      state: 'SCHEDULED',
      opensAt: decision.kind === 'SCHEDULE' ? decision.opensAt : now,
      closesAt: command.closesAt,
      ...paymentPlanColumns(command.paymentPlan),
      // Omitted: the limited quantity the product already has (created as a limited run, or the last window's).
      limitedQuantity: command.limitedQuantity ?? campaign.limitedQuantity ?? null,
      closedAt: null,
      closeReason: null,
      closeNote: null,
      scheduledBy: actor,
    });
    if (decision.kind === 'SCHEDULE') {
      await scheduleTimer(tx, { kind: preorderTimers.open, key: product.id, dueAt: decision.opensAt });
      recordAudit(tx, actor, 'preorder.scheduled', product.id, termsOf(campaign), now);
    } else {
      await openWindowNow(tx, product, campaign, actor, now);
      recordAudit(tx, actor, 'preorder.opened', product.id, termsOf(campaign), now);
    }
    return campaign;
  });
}
