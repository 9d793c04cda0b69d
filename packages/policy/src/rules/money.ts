import { basisPointsMax } from '../schema/units.js';

/** An amount in integer minor units of an ISO 4217 currency (as contracts' moneySchema). */
export interface Money {
  amount: number;
  currency: string;
}

/**
 * The one rounding rule: a percentage of an amount is rounded half up to the
 * minor unit (1250 bps of 199 = 24.875 -> 25; 5000 bps of 1 = 0.5 -> 1).
 * Exact integer arithmetic, so no float drift.
 */
export function percentOf(amount: number, bps: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`percentOf needs a non-negative whole amount of minor units, got ${amount}.`);
  if (!Number.isInteger(bps) || bps < 0 || bps > basisPointsMax) throw new Error(`percentOf needs 0 to ${basisPointsMax} basis points, got ${bps}.`);
  return Number((BigInt(amount) * BigInt(bps) + 5000n) / 10000n);
}

/** A refund is never negative and never more than what was paid. */
export function clampRefund(amount: number, paid: number): number {
  return Math.min(Math.max(amount, 0), paid);
}

export function money(amount: number, currency: string): Money {
  return { amount, currency };
}

/** Amounts handed to a rule must be in the policy's currency: anything else is a caller's bug. */
export function assertCurrency(policyCurrency: string, currency: string): void {
  if (currency !== policyCurrency) throw new Error(`Amounts are in ${currency} but the store policy works in ${policyCurrency}.`);
}
