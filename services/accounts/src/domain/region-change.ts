import type { FieldProblem } from '@vitrine/platform/domain';
import { isCountryCode } from '@vitrine/contracts';
import { ordersPhrase } from './open-orders.js';

export type RegionChangeDecision =
  | { kind: 'change'; from: string; to: string }
  | { kind: 'unchanged' }
  | { kind: 'invalid'; problems: FieldProblem[] }
  | { kind: 'locked'; rule: 'REGION_LOCKED_BY_OPEN_ORDERS'; message: string; count: number };

/**
 * One region per account = the country of residence = where orders ship. It
 * may change only while no order is open, since an open order ships (and was
 * checked for region blocks) to the current one.
 */
export function decideRegionChange(current: string, requested: string, openOrders: number): RegionChangeDecision {
  const to = requested.trim().toUpperCase();
  if (!isCountryCode(to)) {
    return {
      kind: 'invalid',
      problems: [{ field: 'country', reason: 'UNKNOWN_COUNTRY', message: 'Choose your country of residence (a two-letter ISO code such as JP, US or FR).' }],
    };
  }
  if (to === current) return { kind: 'unchanged' };
  if (openOrders > 0) {
    return {
      kind: 'locked',
      rule: 'REGION_LOCKED_BY_OPEN_ORDERS',
      count: openOrders,
      message:
        openOrders === 1
          ? 'You have 1 open order, which ships to your current region. You can change your region once it has shipped or been cancelled.'
          : `You have ${ordersPhrase(openOrders)} open, which ship to your current region. You can change your region once they have shipped or been cancelled.`,
    };
  }
  return { kind: 'change', from: current, to };
}
