import type { PreorderCloseReason } from '@vitrine/contracts';
import type { FieldProblem } from '@vitrine/platform/domain';
import type { CampaignState } from './preorder-campaign.js';
import type { ProductStatus } from './product-status.js';
import { isRunSoldOut, type PoolCounters } from './reservation.js';

/**
 * A customer's interest in a product they cannot order now:
 * - NOTIFY ("notify me"): one alert when it becomes orderable (its window
 *   opens, or units of a sold-out run come back to everyone), then spent;
 * - WAITLIST: units of a sold-out limited run that come back (a cancelled or
 *   expired order) are held for the oldest entry first, as an offer that
 *   expires, before anyone else may take them.
 */
export const interestKinds = ['NOTIFY', 'WAITLIST'] as const;
export type InterestKind = (typeof interestKinds)[number];

/**
 * WAITING (active), OFFERED (waitlist: units held for it now), NOTIFIED
 * (notify me: alert sent), FULFILLED (its order took the offer), LAPSED (the
 * offer expired), WITHDRAWN (the customer left).
 */
export const interestStates = ['WAITING', 'OFFERED', 'NOTIFIED', 'FULFILLED', 'LAPSED', 'WITHDRAWN'] as const;
export type InterestState = (typeof interestStates)[number];
/** States in which an interest still counts: one per customer, product and kind. */
export const activeInterestStates: readonly InterestState[] = ['WAITING', 'OFFERED'];

export const offerStates = ['OPEN', 'TAKEN', 'EXPIRED', 'WITHDRAWN'] as const;
export type OfferState = (typeof offerStates)[number];

/** What the rules need to know about a product, read under its row lock. */
export interface InterestFacts {
  status: ProductStatus;
  campaign: { state: CampaignState; closeReason: PreorderCloseReason | null; closesAt: Date | null } | null;
  pool: PoolCounters | null;
  now: Date;
}

/**
 * Whether units coming back to a limited run can still be preordered: its
 * window is open, or it closed because the run sold out and its close date
 * (if any) is still ahead. Only then do returned units go to the waitlist,
 * and a window closed as SOLD_OUT reopens.
 */
export function runCanTakeReturnedUnits(facts: InterestFacts): boolean {
  const { campaign, pool, now } = facts;
  if (!campaign || pool?.capacity == null) return false;
  if (campaign.closesAt !== null && campaign.closesAt <= now) return false;
  if (campaign.state === 'OPEN') return facts.status === 'PREORDER';
  return campaign.state === 'CLOSED' && campaign.closeReason === 'SOLD_OUT' && facts.status === 'PREORDER_CLOSED';
}

/** A limited run whose units are all held (orders or waitlist offers) and which can still take units that come back. */
export function isWaitlistOpen(facts: InterestFacts): boolean {
  return runCanTakeReturnedUnits(facts) && isRunSoldOut(facts.pool);
}

export type InterestRefusal = { rule: 'AVAILABLE_NOW' | 'NOT_COMING_BACK' | 'NOT_SOLD_OUT'; message: string };

/**
 * "Notify me" is for a product not open yet (announced, or its window
 * scheduled), or sold out with a way back (a limited run that can take
 * returned units, or SOLD_OUT in stock). One that can be ordered now, or
 * that will not come back (discontinued, a closed window past its date), is refused.
 */
export function refuseNotifyMe(facts: InterestFacts): InterestRefusal | null {
  if (facts.status === 'ANNOUNCED' || facts.campaign?.state === 'SCHEDULED' || facts.status === 'SOLD_OUT' || isWaitlistOpen(facts)) return null;
  if (facts.status === 'PREORDER' || facts.status === 'IN_STOCK' || facts.status === 'CHINA_STOCK' || facts.status === 'RELEASED')
    return { rule: 'AVAILABLE_NOW', message: 'This product can be ordered now.' };
  return { rule: 'NOT_COMING_BACK', message: 'This product is not expected to become available again, so there is nothing to notify you about.' };
}

/** The waitlist is only for a limited run that is sold out and can still take units that come back. */
export function refuseWaitlist(facts: InterestFacts): InterestRefusal | null {
  if (isWaitlistOpen(facts)) return null;
  if (runCanTakeReturnedUnits(facts)) return { rule: 'AVAILABLE_NOW', message: 'Units of this run are still available: you can preorder it now.' };
  return { rule: 'NOT_SOLD_OUT', message: 'Only a sold-out limited run whose preorder window has not ended has a waitlist.' };
}

/** Units a customer may wait for: 1 up to the product's per-order and per-customer limits and the run's size. */
export function checkWaitlistQuantity(quantity: number, limits: (number | null)[]): FieldProblem[] {
  const max = Math.min(...limits.filter((l): l is number => l !== null));
  if (Number.isInteger(quantity) && quantity >= 1 && quantity <= max) return [];
  return [{ field: 'quantity', reason: 'OUT_OF_RANGE', message: `You can wait for 1 to ${max} units of this product.` }];
}

export interface WaitingEntry {
  id: string;
  quantity: number;
}

export interface PlannedOffer {
  interestId: string;
  quantity: number;
}

/**
 * Units that came back go to the waitlist, oldest request first (`waiting`
 * in that order): each entry is offered what it asked for, or what is left.
 * Whatever no one waits for is returned to everyone.
 */
export function planOffers(free: number, waiting: readonly WaitingEntry[]): { offers: PlannedOffer[]; toEveryone: number } {
  const offers: PlannedOffer[] = [];
  let left = Math.max(free, 0);
  for (const entry of waiting) {
    if (left === 0) break;
    const quantity = Math.min(entry.quantity, left);
    offers.push({ interestId: entry.id, quantity });
    left -= quantity;
  }
  return { offers, toEveryone: left };
}

/** Limits on the store's waitlist offer duration (a catalog setting staff change). */
export const waitlistOfferHoursRange = { min: 1, max: 24 * 30 } as const;

export function checkWaitlistOfferHours(hours: number): FieldProblem[] {
  const { min, max } = waitlistOfferHoursRange;
  if (Number.isInteger(hours) && hours >= min && hours <= max) return [];
  return [{ field: 'waitlistOfferHours', reason: 'OUT_OF_RANGE', message: `An offer lasts ${min} to ${max} hours.` }];
}

/** When an offer made at `now` expires, for the store's offer duration. */
export function offerExpiresAt(now: Date, offerHours: number): Date {
  return new Date(now.getTime() + offerHours * 3_600_000);
}
