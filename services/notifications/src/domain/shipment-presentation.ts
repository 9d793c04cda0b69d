import { formatDate, formatMoney, formatSize, formatWeight } from './formatting.js';
import type { Language } from './languages.js';
import { isMoney, type NoticeFacts } from './notice.js';
import type { ParcelSize } from './shipment-notices.js';

const isSize = (v: unknown): v is ParcelSize => typeof v === 'object' && v !== null && 'lengthMm' in v && 'widthMm' in v && 'heightMm' in v;

/**
 * A parcel's facts as its messages print them (SHIPPING_QUOTED,
 * SHIPMENT_DISPATCHED, EXTRA_SHIPPING_WAIVED): measures in the customer's
 * units, amounts in the parcel's currency, the carrier's code as a name
 * (DHL_EXPRESS: DHL EXPRESS).
 * Absent facts print empty, so other kinds' rows are left out.
 */
export function presentShipment(facts: NoticeFacts, language: Language): Record<string, unknown> {
  const money = (key: string) => (isMoney(facts[key]) ? formatMoney(facts[key], language) : '');
  return {
    outcome: typeof facts.outcome === 'string' ? facts.outcome : '',
    finalCost: money('finalCost'),
    replacement: facts.replacement === true,
    estimatePaid: money('estimatePaid'),
    excessRefund: money('excessRefund'),
    extraDue: money('extraDue'),
    extraWaived: money('extraWaived'),
    weight: typeof facts.weightGrams === 'number' ? formatWeight(facts.weightGrams, language) : '',
    size: isSize(facts.dimensions) ? formatSize(facts.dimensions, language) : '',
    carrier: typeof facts.carrier === 'string' ? facts.carrier.replaceAll('_', ' ') : '',
    trackingNumber: typeof facts.trackingNumber === 'string' ? facts.trackingNumber : '',
    dispatchedAt: typeof facts.dispatchedAt === 'string' ? formatDate(facts.dispatchedAt, language) : '',
  };
}
