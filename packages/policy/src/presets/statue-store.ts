import type { StorePolicyInput } from '../schema/store-policy.js';
import { chinaCalendar, franceCalendar } from './calendars.js';

/**
 * statue-store: seed 002 (after-sales for resin statues). 002 covers only
 * after-sales, so payment, cancellation and return values are the store's
 * choice, each marked as such.
 */
export const statueStore = {
  id: 'statue-store',
  currency: 'USD', // store's choice: 002 names no currency
  calendars: {
    defaultRegion: 'FR', // store's choice: in-stock statues are in the French warehouse (IN_STOCK); 002 names none
    regions: { FR: franceCalendar, CN: chinaCalendar }, // CN: 002's "China Stock" is held by the factory
  },
  paymentPlans: {
    allowed: ['DEPOSIT', 'FULL_PAYMENT'], // store's choice: 002 says nothing of payment plans
    default: 'DEPOSIT',
    payAtOrderWithin: { amount: 1, unit: 'HOURS' }, // store's choice: an unpaid checkout holds its units for an hour at most
    deposit: {
      percentBps: 2000, // store's choice
      fullPaymentAllowed: true, // store's choice
      balanceDue: { amount: 14, unit: 'DAYS' }, // store's choice
    },
  },
  preorderCancellation: {
    decidedBy: 'RULES',
    refusedFrom: 'SHIPPED', // store's choice
    tiers: [
      // store's choice: 002 has no cancellation rules; a day to change one's mind, then the deposit is kept
      { id: 'free-within-deposit-window', within: { amount: 24, unit: 'HOURS' }, from: 'DEPOSIT_PAID', fee: { percentBps: 0, of: 'DEPOSIT' } },
    ],
    afterTiers: { kind: 'FEE', fee: { percentBps: 10000, of: 'DEPOSIT' } }, // store's choice: the deposit is kept, anything above it refunded
  },
  inStockCancellation: {
    decidedBy: 'RULES',
    beforeProcessing: { percentBps: 0, of: 'TOTAL' }, // store's choice
    onceProcessed: { kind: 'REFUSED' }, // store's choice: fragile statues are not unpacked again
  },
  changeRights: {
    specChange: { kind: 'NONE' }, // store's choice: 002: "slight variations or minor imperfections between products are possible"
    releaseDateChange: { kind: 'NONE' }, // store's choice
  },
  returns: {
    preference: { kind: 'NOT_ACCEPTED' }, // store's choice: 002 offers after-sales support, no returns for preference
    defects: 'AFTER_SALES_CLAIM', // 002: "provide after-sales support for any defects or missing parts in your order"
  },
  returnToSender: { deductRoundTripShipping: true }, // store's choice
  addressChange: { until: 'PROCESSED' }, // store's choice
  expiry: { depositKept: true, downPaymentKept: true, countsTowardAbuse: true }, // store's choice
  abuse: { flagRules: [], suggestFlag: null }, // store's choice: 002 has no abuse rules
  claims: {
    windows: {
      damage: { amount: 5, unit: 'BUSINESS_DAYS' }, // 002: "Any damages should be reported within 5 working days of receiving the product"
      significantDamage: { amount: 24, unit: 'HOURS' }, // 002: "In case of significant damage, kindly contact us within 24 hours of receiving your order."
    },
    evidence: {
      photos: true, // 002: "take detailed pictures of any damage"
      unboxingVideo: true, // 002: "it is necessary to provide an unboxing video showing the package from when it is still closed and sealed"
    },
    coverage: {
      notCoveredStatuses: ['CHINA_STOCK'], // 002: "China Stock products are no longer covered by the studio's warranty."
      inStockCoveredAfterRelease: { amount: 3, unit: 'MONTHS' }, // 002: "No after-sales service is available for in stock statues that have been released for more than 3 months."
      preordersAlwaysCovered: true, // 002: "Products in pre-order are always covered by after-sales service."
      // 002: "Damages of the exterior brown box." / "Damages of the colored box (art box)." / "Minor damages such as scratches, product flaws, or factory-preglued parts that can be restored ... with just glue."
      exclusions: ['EXTERIOR_BROWN_BOX', 'ART_BOX', 'MINOR_SCRATCHES', 'GLUE_FIXABLE_PARTS'],
    },
    compensation: null, // 002: replacement parts from the studio, no compensation table: staff decide
    resolutions: {
      byKind: {
        MIS_SHIPMENT: [{ resolution: 'RETURN', postage: 'STORE' }], // store's choice: 002 is silent on mis-shipments
        // 002: "we are here to assist by contacting the studios on your behalf" / "What do I need to do to get a replacement part?"
        ACCESSORY_MISSING: [{ resolution: 'REPLACEMENT_PART' }],
        ACCESSORY_DAMAGED: [{ resolution: 'REPLACEMENT_PART' }],
        ACCESSORY_PRODUCED_IN_ERROR: [{ resolution: 'REPLACEMENT_PART' }],
        SHIPPING_DAMAGE: [{ resolution: 'REPLACEMENT_PART' }], // 002: "If a product arrives damaged or defective due to improper packaging"
        QUALITY_DEFECT: [{ resolution: 'REPLACEMENT_PART' }], // 002: "after-sales support for any defects or missing parts"
      },
      keepDiscountBps: null, // 002 offers no discount
    },
    replacementParts: {
      inStockAtStudio: {
        // 002: "If the spare part is immediately available, it typically takes 1 to 2 weeks for it to arrive at our warehouse"
        toWarehouse: { min: 7, max: 14, unit: 'DAYS' },
        // 002: "the shipping method used, which can range from 15 to 70 days or more"
        shipping: { min: 15, max: 70, unit: 'DAYS' },
      },
    }, // 002: "if the spare part is not available, the manufacturer may be willing to produce it on demand ... depends on the factory's production schedule"
  },
  fulfilment: {
    inStock: {
      handover: { min: 2, max: 3, unit: 'BUSINESS_DAYS' }, // store's choice: 002 gives no handling time
      shippingQuote: null,
      dispatchAfterExtraPayment: null,
    },
    preorder: { handover: { min: 2, max: 3, unit: 'BUSINESS_DAYS' }, shippingQuote: null, paymentToTracking: null }, // store's choice
  },
} satisfies StorePolicyInput;
