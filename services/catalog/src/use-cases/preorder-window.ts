import type { EntityManager } from '@mikro-orm/postgresql';
import { preorderClosedV1, preorderOpenedV1, type PaymentPlan, type PreorderCloseReason } from '@vitrine/contracts';
import { cancelTimer, scheduleTimer } from '@vitrine/platform';
import type { CampaignTerms } from '../domain/preorder-campaign.js';
import { PreorderCampaign } from '../store/preorder-campaign.entity.js';
import type { Product } from '../store/product.entity.js';
import { moveProductStatus } from './move-product-status.js';
import { applyLimitedQuantity, currentLimitedQuantity } from './preorder-pool.js';
import { recordAudit } from './record-audit.js';
import { catalog } from '../identity.js';

/** Durable timers (platform `scheduled_timer`), keyed by product id: rescheduling a window moves its timer. */
export const preorderTimers = { open: 'catalog.preorder.open', close: 'catalog.preorder.close' } as const;

/**
 * Opens a product's window now, in the caller's transaction: the product is
 * moved to PREORDER (unless it already is, e.g. created on preorder), the
 * close is scheduled, and PreorderOpened announces the terms.
 */
export async function openWindowNow(tx: EntityManager, product: Product, campaign: PreorderCampaign, actor: string | null, now: Date): Promise<void> {
  if (product.status !== 'PREORDER') moveProductStatus(tx, product, 'PREORDER', 'Preorders are open.', actorOf(campaign, actor), now);
  Object.assign(campaign, { state: 'OPEN', opensAt: now, closedAt: null, closeReason: null, closeNote: null });
  await applyLimitedQuantity(tx, product.id, campaign.limitedQuantity ?? null, actor);
  await cancelTimer(tx, preorderTimers.open, product.id);
  if (campaign.closesAt) await scheduleTimer(tx, { kind: preorderTimers.close, key: product.id, dueAt: campaign.closesAt });
  catalog.recordEvent(tx, { definition: preorderOpenedV1, subject: product.id, data: termsOf(campaign) });
}

export interface WindowClosing {
  reason: PreorderCloseReason;
  note: string | null;
  actor: string;
  now: Date;
  /** False when the product's status has already moved (a staff status change closes the window after it). */
  moveStatus: boolean;
}

/**
 * Closes a scheduled or open window. An open one moves the product to
 * PREORDER_CLOSED and announces PreorderClosed; a scheduled one that never
 * opened is simply called off (nobody could have ordered). Both timers go.
 */
export async function closeWindow(tx: EntityManager, product: Product, campaign: PreorderCampaign, closing: WindowClosing): Promise<void> {
  const wasOpen = campaign.state === 'OPEN';
  if (wasOpen && closing.moveStatus)
    moveProductStatus(tx, product, 'PREORDER_CLOSED', closing.note ?? closeReasonText[closing.reason], closing.actor, closing.now);
  Object.assign(campaign, { state: 'CLOSED', closedAt: closing.now, closeReason: closing.reason, closeNote: closing.note });
  await cancelTimer(tx, preorderTimers.open, product.id);
  await cancelTimer(tx, preorderTimers.close, product.id);
  recordAudit(tx, closing.actor, 'preorder.closed', product.id, { reason: closing.reason, note: closing.note, wasOpen }, closing.now);
  if (wasOpen) {
    catalog.recordEvent(tx, {
      definition: preorderClosedV1,
      subject: product.id,
      data: { productId: product.id, closedAt: closing.now.toISOString(), reason: closing.reason, note: closing.note },
    });
  }
}

/**
 * Keeps the window in step with a status staff set by hand: entering
 * PREORDER opens a window (a scheduled one opens early with its terms, a
 * closed one reopens with its terms but no close date, otherwise an
 * open-ended one on the store's default plan), and leaving PREORDER closes it.
 */
export async function followStatusChange(tx: EntityManager, product: Product, reason: string, actor: string, now: Date): Promise<void> {
  const campaign = await tx.findOne(PreorderCampaign, product.id);
  if (product.status !== 'PREORDER') {
    // An open window means the product was on preorder; a scheduled one never opens now.
    if (campaign && campaign.state !== 'CLOSED')
      await closeWindow(tx, product, campaign, { reason: 'STATUS_CHANGED', note: reason, actor, now, moveStatus: false });
    return;
  }
  const opening = campaign ?? (await campaignToOpen(tx, product.id, actor, now));
  if (opening.state === 'CLOSED') opening.closesAt = null;
  opening.scheduledBy = actor;
  await openWindowNow(tx, product, opening, actor, now);
}

/** A product's first window, opened now: no close date, the store's default plan, the limited quantity given. */
export async function openNewWindow(tx: EntityManager, product: Product, limitedQuantity: number | null, actor: string | null, now: Date): Promise<void> {
  await openWindowNow(tx, product, newCampaign(tx, product.id, limitedQuantity, actor, now), actor, now);
}

/**
 * The campaign a window opens with: the product's own row (a scheduled or
 * closed window reopens with its terms and limited quantity), or else a new
 * one on the store's default terms for the limited quantity the product
 * already has (created as a limited run). The caller sets the state and any terms staff gave.
 */
export async function campaignToOpen(tx: EntityManager, productId: string, actor: string | null, now: Date): Promise<PreorderCampaign> {
  const existing = await tx.findOne(PreorderCampaign, productId);
  return existing ?? newCampaign(tx, productId, await currentLimitedQuantity(tx, productId), actor, now);
}

/** A campaign row on the store's default terms: no close date, the default plan. */
function newCampaign(tx: EntityManager, productId: string, limitedQuantity: number | null, actor: string | null, now: Date): PreorderCampaign {
  const campaign = tx.create(PreorderCampaign, {
    productId,
    state: 'SCHEDULED',
    opensAt: now,
    closesAt: null,
    limitedQuantity,
    paymentPlanKind: null,
    depositPercent: null,
    fullPaymentAllowed: false,
    scheduledBy: actor,
  });
  tx.persist(campaign);
  return campaign;
}

/**
 * Who an automatic move acts for: the staff member who set the schedule, or
 * (a sell-out, a window nobody scheduled) the catalog itself. Never throws:
 * a timer or a reservation must not fail for want of a name.
 */
export function actorOf(campaign: PreorderCampaign, actor: string | null): string {
  return actor ?? campaign.scheduledBy ?? catalogSystemActorId;
}

/** The actor of decisions catalog takes on its own ("ca7a106" ~ catalog), not a staff account. */
export const catalogSystemActorId = '00000000-0000-4000-8000-0000ca7a1060';

export function paymentPlanOf(campaign: PreorderCampaign): PaymentPlan | null {
  if (!campaign.paymentPlanKind) return null;
  return { kind: campaign.paymentPlanKind, depositPercent: campaign.depositPercent ?? null, fullPaymentAllowed: campaign.fullPaymentAllowed };
}

/** The plan as the campaign row stores it (three columns). */
export function paymentPlanColumns(plan: PaymentPlan | null): Pick<PreorderCampaign, 'paymentPlanKind' | 'depositPercent' | 'fullPaymentAllowed'> {
  return { paymentPlanKind: plan?.kind ?? null, depositPercent: plan?.depositPercent ?? null, fullPaymentAllowed: plan?.fullPaymentAllowed ?? false };
}

/** The campaign's terms, for the domain's decisions. */
export function termsOfCampaign(campaign: PreorderCampaign): CampaignTerms {
  return {
    opensAt: campaign.opensAt,
    closesAt: campaign.closesAt ?? null,
    paymentPlan: paymentPlanOf(campaign),
    limitedQuantity: campaign.limitedQuantity ?? null,
  };
}

/** The terms as events and audit entries carry them. */
export function termsOf(campaign: PreorderCampaign) {
  return {
    productId: campaign.productId,
    opensAt: campaign.opensAt.toISOString(),
    closesAt: campaign.closesAt?.toISOString() ?? null,
    paymentPlan: paymentPlanOf(campaign),
    limitedQuantity: campaign.limitedQuantity ?? null,
  };
}

const closeReasonText: Record<PreorderCloseReason, string> = {
  SCHEDULED: 'The preorder window closed as scheduled; orders go to the maker.',
  SOLD_OUT: 'The limited run sold out.',
  MAKER_REQUEST: 'The maker asked to close preorders.',
  STORE_DECISION: 'The store closed preorders.',
  STATUS_CHANGED: 'The product moved on from preorder.',
};
