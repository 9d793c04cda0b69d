import type { StorePolicyInput } from '../schema/store-policy.js';
import { chinaCalendar, franceCalendar } from './calendars.js';
import { compensation001 } from './compensation-001.js';

/**
 * deposit-store: seeds 000 (preorders, shipping, cancellations, returns) and
 * 001 (after-sales). Every number cites its seed; "store's choice" marks a
 * value the seeds do not give.
 */
export const depositStore = {
  id: 'deposit-store',
  currency: 'USD', // store's choice: the seeds name no currency (001's table is "in the store currency")
  calendars: {
    // 000: "All figures labeled as [IN STOCK] are readily available in our warehouse, located in either China or France."
    defaultRegion: 'FR', // store's choice: France when an order names no warehouse
    regions: { FR: franceCalendar, CN: chinaCalendar },
  },
  paymentPlans: {
    // 000: "When you preorder a product, you have the option to make either a Deposit or a Full Payment."
    allowed: ['DEPOSIT', 'FULL_PAYMENT'],
    default: 'DEPOSIT',
    payAtOrderWithin: { amount: 1, unit: 'HOURS' }, // store's choice: a limited run sells out in minutes, so an unpaid checkout holds its units for an hour at most
    deposit: {
      percentBps: 3000, // store's choice: 000 says only "usually a portion of the total figure price"; campaigns may set their own
      fullPaymentAllowed: true, // 000: "If you choose to make a Full Payment (estimated shipping fee included)"
      // store's choice: 000 gives no due date; 14 days matches "This process usually takes 1-2 weeks" for the balance step
      balanceDue: { amount: 14, unit: 'DAYS' },
    },
  },
  preorderCancellation: {
    decidedBy: 'RULES',
    refusedFrom: 'SHIPPED', // store's choice: 000 sets no cut-off; after the windows nothing is refunded anyway
    tiers: [
      {
        id: 'free-within-deposit-window',
        // 000: "Within 24 hours of making a deposit payment, cancellations are accepted without any fees."
        within: { amount: 24, unit: 'HOURS' },
        from: 'DEPOSIT_PAID',
        fee: { percentBps: 0, of: 'DEPOSIT' },
      },
      {
        id: 'restocking-fee-within-order-window',
        // 000: "If the cancellation is requested within 7 days of placing the order, a restocking fee of 50% of the deposit will be charged."
        within: { amount: 7, unit: 'DAYS' },
        from: 'ORDER_PLACED',
        fee: { percentBps: 5000, of: 'DEPOSIT' },
      },
    ],
    // 000: "cancellations made after 7 days from the order placement are not eligible for a refund."
    // Decision: the cancellation is accepted (the units go back) and everything paid is kept.
    afterTiers: { kind: 'NO_REFUND' },
  },
  inStockCancellation: {
    decidedBy: 'RULES',
    // 000: "We accept cancellations for in-stock orders as long as they have not been processed."
    beforeProcessing: { percentBps: 0, of: 'TOTAL' },
    // 000: "If the order has been processed, a restocking fee equal to 30% of the total price will apply."
    onceProcessed: { kind: 'FEE', fee: { percentBps: 3000, of: 'TOTAL' } },
  },
  changeRights: {
    specChange: { kind: 'NONE' }, // store's choice: 000 only warns of "tiny differences" between advertisement and product
    releaseDateChange: { kind: 'NONE' }, // store's choice: 000: "we cannot guarantee that all figures will be released exactly on the estimated date"
  },
  returns: {
    preference: {
      kind: 'WITHIN_WINDOW',
      within: { amount: 7, unit: 'DAYS' }, // 000: "within 7 days of receipt"
      condition: 'UNUSED_ORIGINAL_CONDITION', // 000: "Only returns of items in perfect condition, with no signs of use"
      restockingFee: { percentBps: 3000, of: 'TOTAL' }, // 000: "a restocking fee (30% of the total price of the figure)"
      returnShippingPaidBy: 'CUSTOMER', // 000: "Return shipping charges will be the responsibility of the customer."
      shippingRefunded: false, // 000: "Shipping costs are non-refundable"
    },
    defects: 'AFTER_SALES_CLAIM', // 000: "Based on the severity of the damage, we may provide a partial refund"; 001: replacement parts or partial refund
  },
  returnToSender: { deductRoundTripShipping: true }, // store's choice: 000 is silent; the 003 rule is the common one
  addressChange: { until: 'PROCESSED' }, // store's choice: 000 hands orders to the logistics partner once processed
  expiry: {
    depositKept: true, // store's choice, consistent with 000: after 7 days a cancelled preorder "not eligible for a refund"
    downPaymentKept: true, // a non-refundable down payment (catalog) is never refunded
    countsTowardAbuse: true, // store's choice
  },
  abuse: {
    flagRules: [{ flag: 'PREORDER_ABUSE', requires: { kind: 'FULL_PAYMENT' } }], // store's choice: flagged customers may be asked for full payment on later preorders; 000 is silent
    suggestFlag: { flag: 'PREORDER_ABUSE', afterExpiries: 2, within: { amount: 12, unit: 'MONTHS' } }, // store's choice
  },
  claims: {
    windows: {
      damage: { amount: 10, unit: 'DAYS' }, // 000: "requests for a refund due to damaged items to be made within 10 days of the package's delivery"
      significantDamage: null, // 000 has one window
    },
    evidence: {
      photos: true, // 000: "we may ask you to provide photos"; 001: "provide photos to explain the problem"
      unboxingVideo: false, // 000/001 do not ask for one
    },
    coverage: {
      notCoveredStatuses: [], // store's choice: 000/001 exclude no status
      inStockCoveredAfterRelease: null,
      preordersAlwaysCovered: true,
      exclusions: ['MINOR_PACKAGING_WRINKLES'], // 001: "please allow the packaging to have slight wrinkles or deformation. We do NOT support returns for minor shipping damages."
    },
    compensation: compensation001,
    resolutions: {
      byKind: {
        // 001: "Mis-shipment: If you are willing to keep the product, we can provide you with a discount. Else, you can request a return."
        MIS_SHIPMENT: [{ resolution: 'KEEP_WITH_DISCOUNT' }, { resolution: 'RETURN', postage: 'STORE' }], // postage: store's choice (our mistake)
        // 001: "The prioritized solution will be sending the original replacement accessory ... You can also choose to accept a refund
        // instead according to the compensation standards or request a refund (... you need to share a part of postage ...)"
        ACCESSORY_MISSING: [{ resolution: 'REPLACEMENT_PART' }, { resolution: 'PARTIAL_REFUND' }, { resolution: 'RETURN', postage: 'SHARED' }],
        ACCESSORY_DAMAGED: [{ resolution: 'REPLACEMENT_PART' }, { resolution: 'PARTIAL_REFUND' }, { resolution: 'RETURN', postage: 'SHARED' }],
        ACCESSORY_PRODUCED_IN_ERROR: [{ resolution: 'REPLACEMENT_PART' }, { resolution: 'PARTIAL_REFUND' }, { resolution: 'RETURN', postage: 'SHARED' }],
        // 001: "if you are willing to keep the product, we can provide you a partial refund according to our compensation policy. Else, you can request a return"
        SHIPPING_DAMAGE: [{ resolution: 'PARTIAL_REFUND' }, { resolution: 'RETURN', postage: 'STORE' }], // postage: store's choice (the courier's damage)
        // 001: "Send replacement parts ... Provide a partial refund: If the factory does not have spare parts to provide"
        QUALITY_DEFECT: [{ resolution: 'REPLACEMENT_PART' }, { resolution: 'PARTIAL_REFUND' }],
      },
      keepDiscountBps: null, // 001 names no discount: staff set it
    },
    // store's choice: 001 says only "We will request replacements from the factory"; the studio lead times of 002 (1-2 weeks, then 15-70 days)
    replacementParts: { inStockAtStudio: { toWarehouse: { min: 7, max: 14, unit: 'DAYS' }, shipping: { min: 15, max: 70, unit: 'DAYS' } } },
  },
  fulfilment: {
    inStock: {
      handover: { min: 2, max: 3, unit: 'BUSINESS_DAYS' }, // 000: "your figures will be forwarded to our logistics partner within 2-3 business days"
      shippingQuote: { min: 1, max: 2, unit: 'BUSINESS_DAYS' }, // 000: "the final shipping cost ... communicated to you within 1-2 business days"
      dispatchAfterExtraPayment: { min: 1, max: 2, unit: 'BUSINESS_DAYS' }, // 000: "which will occur within 1-2 business days after payment"
    },
    preorder: {
      handover: { min: 5, max: 7, unit: 'BUSINESS_DAYS' }, // 000: "shipped to a professional logistics company, which takes 5-7 business days"
      shippingQuote: { min: 1, max: 2, unit: 'BUSINESS_DAYS' }, // 000: "provide a quote for the shipping cost, which takes 1-2 business days"
      paymentToTracking: { min: 7, max: 11, unit: 'BUSINESS_DAYS' }, // 000: "from completing the final payment to receiving the tracking number typically takes 7-11 business days"
    },
  },
} satisfies StorePolicyInput;
