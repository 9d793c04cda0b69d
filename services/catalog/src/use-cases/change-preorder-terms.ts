import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { preorderTermsChangedV1 } from '@vitrine/contracts';
import { BadUserInput, cancelTimer, checkStaffReason, NotFound, scheduleTimer, storeNow } from '@vitrine/platform';
import { assertCanChangeTerms, decideTermsChange, type TermsChange } from '../domain/preorder-campaign.js';
import { PreorderCampaign } from '../store/preorder-campaign.entity.js';
import { Product } from '../store/product.entity.js';
import { closeSoldOutWindows } from './close-sold-out-windows.js';
import { paymentPlanColumns, preorderTimers, termsOf, termsOfCampaign } from './preorder-window.js';
import { applyLimitedQuantity } from './preorder-pool.js';
import { recordAudit } from './record-audit.js';
import { catalog } from '../identity.js';

export interface TermsChangeCommand extends TermsChange {
  productId: string;
  reason: string;
}

/**
 * Staff change a scheduled or open window: extend or shorten it (its timer
 * moves with it), enlarge or shrink a limited run (never below what is
 * already reserved), change the plan later orders are sold under.
 */
export async function changePreorderTerms(em: EntityManager, actor: string, command: TermsChangeCommand): Promise<PreorderCampaign> {
  const checked = checkStaffReason(command.reason);
  if (checked.problems.length > 0) throw new BadUserInput('Please give a reason.', checked.problems);
  return em.transactional(async (tx) => {
    const product = await tx.findOne(Product, command.productId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!product) throw new NotFound('Product', command.productId);
    const campaign = await tx.findOne(PreorderCampaign, product.id);
    const now = storeNow();
    assertCanChangeTerms(campaign);
    const { terms, problems } = decideTermsChange(campaign.state, termsOfCampaign(campaign), command, now);
    if (problems.length > 0) throw new BadUserInput('Some preorder campaign fields are not valid.', problems);
    // An open window's pool follows its limited quantity at once (never below what customers hold); a scheduled one's when it opens.
    if (campaign.state === 'OPEN') await applyLimitedQuantity(tx, product.id, terms.limitedQuantity, actor);

    Object.assign(campaign, {
      opensAt: terms.opensAt ?? campaign.opensAt,
      closesAt: terms.closesAt,
      ...paymentPlanColumns(terms.paymentPlan),
      limitedQuantity: terms.limitedQuantity,
      scheduledBy: actor,
    });
    await rescheduleTimers(tx, campaign);
    recordAudit(tx, actor, 'preorder.terms-changed', product.id, { ...termsOf(campaign), reason: checked.reason }, now);
    if (campaign.state === 'OPEN') {
      catalog.recordEvent(tx, {
        definition: preorderTermsChangedV1,
        subject: product.id,
        data: { ...termsOf(campaign), reason: checked.reason, actorId: actor },
      });
      // A run cut to exactly what customers hold is sold out, like one whose last unit was just reserved.
      await closeSoldOutWindows(tx, [product.id]);
    }
    return campaign;
  });
}

async function rescheduleTimers(tx: EntityManager, campaign: PreorderCampaign): Promise<void> {
  if (campaign.state === 'SCHEDULED') await scheduleTimer(tx, { kind: preorderTimers.open, key: campaign.productId, dueAt: campaign.opensAt });
  if (campaign.state === 'OPEN' && campaign.closesAt)
    await scheduleTimer(tx, { kind: preorderTimers.close, key: campaign.productId, dueAt: campaign.closesAt });
  if (campaign.state === 'OPEN' && !campaign.closesAt) await cancelTimer(tx, preorderTimers.close, campaign.productId);
}
