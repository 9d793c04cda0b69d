import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { onTimer, storeNow } from '@vitrine/platform';
import { canChangeStatus } from '../domain/product-status.js';
import { PreorderCampaign } from '../store/preorder-campaign.entity.js';
import { Product } from '../store/product.entity.js';
import { actorOf, closeWindow, openWindowNow, preorderTimers } from './preorder-window.js';

/**
 * The scheduled ends of a window. Each runs in the transaction that marks its
 * timer fired, and re-checks the campaign first: a window already opened,
 * closed or moved by staff is left as it is (a late timer never undoes a
 * later decision).
 */
export const preorderTimerHandlers = [
  onTimer(preorderTimers.open, async (timer, em) => {
    const found = await lockedCampaign(em, timer.key);
    // Compared with the timer's own due time, not this process's clock: the scheduler fired it on the database's clock.
    if (!found || found.campaign.state !== 'SCHEDULED' || found.campaign.opensAt > timer.dueAt) return;
    const { product, campaign } = found;
    const now = storeNow();
    if (!canChangeStatus(product.status, 'PREORDER')) {
      // Discontinued (or otherwise moved on) before its window opened: the window is called off.
      await closeWindow(em, product, campaign, { reason: 'STATUS_CHANGED', note: null, actor: actorOf(campaign, null), now, moveStatus: false });
      return;
    }
    await openWindowNow(em, product, campaign, null, now);
  }),
  onTimer(preorderTimers.close, async (timer, em) => {
    const found = await lockedCampaign(em, timer.key);
    if (!found || found.campaign.state !== 'OPEN' || !found.campaign.closesAt || found.campaign.closesAt > timer.dueAt) return;
    const { product, campaign } = found;
    await closeWindow(em, product, campaign, { reason: 'SCHEDULED', note: null, actor: actorOf(campaign, null), now: storeNow(), moveStatus: true });
  }),
];

async function lockedCampaign(em: EntityManager, productId: string): Promise<{ product: Product; campaign: PreorderCampaign } | null> {
  const product = await em.findOne(Product, productId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const campaign = product ? await em.findOne(PreorderCampaign, productId) : null;
  return product && campaign ? { product, campaign } : null;
}
