import type { Duration, DurationRange, Fee, OrderMilestone } from '../schema/units.js';

/** Pieces of customer-facing sentences, built from policy numbers. English only for now. */

const unitWords: Record<Duration['unit'], [string, string]> = {
  HOURS: ['hour', 'hours'],
  DAYS: ['day', 'days'],
  BUSINESS_DAYS: ['business day', 'business days'],
  MONTHS: ['month', 'months'],
};

/** {24, HOURS} -> "24 hours"; {1, DAYS} -> "1 day". */
export function durationText(d: Duration): string {
  const [one, many] = unitWords[d.unit];
  return `${d.amount} ${d.amount === 1 ? one : many}`;
}

/** {2, 3, BUSINESS_DAYS} -> "2-3 business days"; {0, 7, ...} -> "up to 7 business days". */
export function rangeText(r: DurationRange): string {
  const many = unitWords[r.unit][r.max === 1 ? 0 : 1];
  if (r.min === 0) return `up to ${r.max} ${many}`;
  return r.min === r.max ? `${r.max} ${many}` : `${r.min}-${r.max} ${many}`;
}

/** 5000 -> "50%"; 1250 -> "12.5%". */
export function percentText(bps: number): string {
  return `${bps / 100}%`;
}

const feeBaseWords: Record<Fee['of'], string> = { DEPOSIT: 'the deposit', TOTAL: 'the total price', PAID: 'the amount paid' };

/** "a fee of 50% of the deposit" or "no fee". */
export function feeText(fee: Fee, noun = 'fee'): string {
  return fee.percentBps === 0 ? `no ${noun}` : `a ${noun} of ${percentText(fee.percentBps)} of ${feeBaseWords[fee.of]}`;
}

/** 500 USD minor units -> "$5.00". */
export function moneyText(amount: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

export const milestoneWords: Record<OrderMilestone, string> = {
  PROCESSED: 'the order is processed',
  SHIPPING_DATE_CONFIRMED: 'the shipping-date confirmation is sent',
  ARRIVED_AT_WAREHOUSE: 'the item arrives at our warehouse',
  SHIPPED: 'the order ships',
};

/** "ARRIVED_AT_WAREHOUSE" -> "arrived-at-warehouse", for rule ids. */
export function kebab(value: string): string {
  return value.toLowerCase().replaceAll('_', '-');
}

/** "PREORDER_ABUSE" -> "preorder abuse". */
export function flagLabel(flag: string): string {
  return flag.toLowerCase().replaceAll('_', ' ');
}
