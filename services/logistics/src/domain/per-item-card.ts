import type { EventData, shippingRatesPublishedV1 } from '@vitrine/contracts';
import { packTogether } from './parcel.js';
import { priceParcel } from './pricing.js';
import type { RateTable } from './rate-table.js';

type PerItemMethods = EventData<typeof shippingRatesPublishedV1>['methods'];

/**
 * The table as ShippingRatesPublished v1 carries it, for consumers that
 * count items (orders' checkout): per method code, from its first origin,
 * and per zone it ships to, `firstItem` = the price of a parcel holding the
 * reference item, `additionalItem` = what a second one adds.
 * `checkRateTable` plus `checkReferenceItemPriced` make every figure exist.
 */
export function perItemMethods(table: RateTable): PerItemMethods {
  const codes = [...new Set(table.methods.map((m) => m.code))];
  return codes.map((code) => {
    const method = table.methods.find((m) => m.code === code)!;
    const zones = method.rates.map((rates) => {
      const zone = table.zones.find((z) => z.code === rates.zone)!;
      const [one, two] = [1, 2].map((quantity) => referencePrice(table, code, method.origin, zone.countries[0] ?? null, quantity));
      return { countries: [...zone.countries], firstItem: one ?? 0, additionalItem: Math.max((two ?? 0) - (one ?? 0), 0) };
    });
    return { code, label: method.label, zones };
  });
}

/** Problems when the reference item (one or two of it) cannot be priced by some method in some zone it lists. */
export function checkReferenceItemPriced(table: RateTable): { field: string; reason: string; message: string }[] {
  const problems = [];
  for (const [i, method] of table.methods.entries()) {
    for (const [j, rates] of method.rates.entries()) {
      const zone = table.zones.find((z) => z.code === rates.zone);
      if (!zone) continue;
      for (const quantity of [1, 2]) {
        if (referencePrice(table, method.code, method.origin, zone.countries[0] ?? null, quantity) === null) {
          problems.push({
            field: `methods.${i}.rates.${j}`,
            reason: 'REFERENCE_ITEM_NOT_PRICED',
            message: `Two reference items must fit a bracket of ${method.code} to zone ${zone.code} (the per-item rates are derived from them).`,
          });
          break;
        }
      }
    }
  }
  return problems;
}

// ZZ is a user-assigned code no zone may list (checkRateTable): it lands in the rest of the world.
const restOfWorld = 'ZZ';

function referencePrice(table: RateTable, method: string, origin: string, country: string | null, quantity: number): number | null {
  const parcel = packTogether([{ ...table.referenceItem, quantity }]);
  const result = priceParcel(table, { method, origin, country: country ?? restOfWorld, parcel });
  return result.ok ? result.price.amount : null;
}
