import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PreorderCloseReason } from '@vitrine/contracts';
import { BadUserInput, checkStaffReason, NotFound, storeNow } from '@vitrine/platform';
import { assertCanCloseEarly } from '../domain/preorder-campaign.js';
import { PreorderCampaign } from '../store/preorder-campaign.entity.js';
import { Product } from '../store/product.entity.js';
import { closeWindow } from './preorder-window.js';

export interface CloseEarlyCommand {
  productId: string;
  reason: PreorderCloseReason;
  /** Shown to customers: why preorders closed before their date. */
  note: string;
}

/** Staff close a window before its date (sold out, the maker asked, the store decided), or call off one not yet open. */
export async function closePreorderEarly(em: EntityManager, actor: string, command: CloseEarlyCommand): Promise<PreorderCampaign> {
  const checked = checkStaffReason(command.note, 'note');
  if (checked.problems.length > 0) throw new BadUserInput('Please say why preorders close early.', checked.problems);
  return em.transactional(async (tx) => {
    const product = await tx.findOne(Product, command.productId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!product) throw new NotFound('Product', command.productId);
    const campaign = await tx.findOne(PreorderCampaign, product.id);
    assertCanCloseEarly(campaign, command.reason);
    await closeWindow(tx, product, campaign, { reason: command.reason, note: checked.reason, actor, now: storeNow(), moveStatus: true });
    return campaign;
  });
}
