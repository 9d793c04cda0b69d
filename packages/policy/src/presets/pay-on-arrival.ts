import type { StorePolicyInput } from '../schema/store-policy.js';
import { unitedStatesCalendar } from './calendars.js';

/** pay-on-arrival: seed 004 (nothing paid until the item reaches the warehouse). */
export const payOnArrival = {
  id: 'pay-on-arrival',
  currency: 'USD', // store's choice: 004 names no currency
  calendars: {
    defaultRegion: 'US', // store's choice: 004 names no country for its warehouse
    regions: { US: unitedStatesCalendar },
  },
  paymentPlans: {
    // 004: "Normally, no payment is required until the item is received at warehouse and ready for ship."
    allowed: ['PAY_ON_ARRIVAL'],
    default: 'PAY_ON_ARRIVAL',
    payAtOrderWithin: { amount: 1, unit: 'HOURS' }, // store's choice: only a down payment is paid at order; an unpaid one holds the units for an hour
    // 004: "Normally, payment needs to be completed within 5 business days after email is sent."
    payOnArrival: { paymentDue: { amount: 5, unit: 'BUSINESS_DAYS' } },
  },
  preorderCancellation: {
    decidedBy: 'RULES',
    refusedFrom: 'ARRIVED_AT_WAREHOUSE', // 004: "Pre-order can be cancelled at any time prior to their arrival at our warehouse."
    tiers: [],
    // 004: "You can simply cancel your pre-order from your order history." The down payment is kept:
    // 004: "your Non-Refundable Dow Payment will not be refunded after cancellation."
    afterTiers: { kind: 'FEE', fee: { percentBps: 0, of: 'PAID' } },
  },
  inStockCancellation: {
    decidedBy: 'RULES',
    beforeProcessing: { percentBps: 0, of: 'TOTAL' }, // store's choice: 004 covers preorders only
    onceProcessed: { kind: 'REFUSED' }, // store's choice
  },
  changeRights: {
    // 004: "If we get notified, we will email you regarding the changes. And we may accept cancellation due to such changes."
    // The time box (14 days) and the refunded down payment are the store's choice.
    specChange: { kind: 'CANCELLATION_RIGHT', within: { amount: 14, unit: 'DAYS' }, refundsDownPayment: true },
    // store's choice: 004: "Sometimes, there may be delay." Cancelling is free before arrival anyway.
    releaseDateChange: { kind: 'NONE' },
  },
  returns: {
    preference: { kind: 'NOT_ACCEPTED' }, // store's choice: 004 is silent on returns
    defects: 'AFTER_SALES_CLAIM', // store's choice
  },
  returnToSender: { deductRoundTripShipping: true }, // store's choice
  addressChange: { until: 'PROCESSED' }, // store's choice
  expiry: {
    depositKept: false, // no deposit in this plan
    downPaymentKept: true, // 004: "this Non-Refundable Down Payment will NOT be refunded, if you cancel your pre-order after placement"
    // 004: "a very minority of customers abuse our system by pre-ordering many items they never intend to purchase"
    countsTowardAbuse: true,
  },
  abuse: {
    // 004: "If our system shows that a customer is abusing us, we may require a Non-Refundable Down Payment or Full Payment"
    // The choice of a down payment, and its 30%, are the store's.
    flagRules: [{ flag: 'PREORDER_ABUSE', requires: { kind: 'NON_REFUNDABLE_DOWN_PAYMENT', percentBps: 3000 } }],
    suggestFlag: { flag: 'PREORDER_ABUSE', afterExpiries: 3, within: { amount: 12, unit: 'MONTHS' } }, // store's choice
  },
  claims: {
    windows: { damage: { amount: 7, unit: 'DAYS' }, significantDamage: null }, // store's choice: 004 gives no claim window
    evidence: { photos: true, unboxingVideo: false }, // store's choice
    coverage: { notCoveredStatuses: [], inStockCoveredAfterRelease: null, preordersAlwaysCovered: true, exclusions: [] }, // store's choice
    compensation: null, // store's choice: staff decide
    // store's choice: 004 is silent on after-sales
    resolutions: {
      byKind: {
        MIS_SHIPMENT: [{ resolution: 'KEEP_WITH_DISCOUNT' }, { resolution: 'RETURN', postage: 'STORE' }],
        ACCESSORY_MISSING: [{ resolution: 'REPLACEMENT_PART' }, { resolution: 'PARTIAL_REFUND' }],
        ACCESSORY_DAMAGED: [{ resolution: 'REPLACEMENT_PART' }, { resolution: 'PARTIAL_REFUND' }],
        ACCESSORY_PRODUCED_IN_ERROR: [{ resolution: 'REPLACEMENT_PART' }, { resolution: 'PARTIAL_REFUND' }],
        SHIPPING_DAMAGE: [{ resolution: 'PARTIAL_REFUND' }, { resolution: 'RETURN', postage: 'STORE' }],
        QUALITY_DEFECT: [{ resolution: 'REPLACEMENT_PART' }, { resolution: 'RETURN', postage: 'CUSTOMER' }],
      },
      keepDiscountBps: 1000, // 10% of what the line paid
    },
    replacementParts: null, // store's choice: 004 promises no lead time
  },
  fulfilment: {
    // 004: "New arrival of Pre-Order items is generally assumed the same handling time of 2 – 3 business days, as our standard shipping policy"
    inStock: { handover: { min: 2, max: 3, unit: 'BUSINESS_DAYS' }, shippingQuote: null, dispatchAfterExtraPayment: null },
    preorder: { handover: { min: 2, max: 3, unit: 'BUSINESS_DAYS' }, shippingQuote: null, paymentToTracking: null },
  },
} satisfies StorePolicyInput;
