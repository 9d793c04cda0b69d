import type { StorePolicyInput } from '../schema/store-policy.js';
import { japanCalendar } from './calendars.js';

/** charge-at-ship: seed 003 (a maker's own online store; orders outside Japan and Taiwan). */
export const chargeAtShip = {
  id: 'charge-at-ship',
  currency: 'USD', // 003: "payment will be processed in U.S. dollars"
  calendars: {
    defaultRegion: 'JP', // store's choice: 003 ships from its warehouse; the store is Japanese
    regions: { JP: japanCalendar },
  },
  paymentPlans: {
    allowed: ['CHARGE_AT_SHIP'], // 003: "On the same day the shipping date notification is sent, payment will be processed using your registered credit card or PayPal account."
    default: 'CHARGE_AT_SHIP',
    payAtOrderWithin: { amount: 1, unit: 'HOURS' }, // store's choice: only a flagged customer pays at order; an unpaid checkout holds its units for an hour
    // 003: "Please ensure that payment is made within a week from receipt of the email. If payment is not complete within a week, the order will be canceled."
    // store's choice: the payment is processed (the amount held on the card) the day the shipping date is sent and taken
    // when the parcel leaves, so nothing needs refunding if staff cancel before dispatch.
    chargeAtShip: { paymentErrorGrace: { amount: 7, unit: 'DAYS' }, capture: 'AT_DISPATCH' },
  },
  preorderCancellation: {
    decidedBy: 'STAFF', // 003: "Even during the pre-order period, cancellations may not be possible depending on the product or the status of your order."
    refusedFrom: 'SHIPPING_DATE_CONFIRMED', // store's choice: the card is charged that day (003 step 9)
    tiers: [],
    afterTiers: { kind: 'FEE', fee: { percentBps: 0, of: 'PAID' } }, // nothing is paid before the charge, so nothing is kept if staff accept
  },
  inStockCancellation: {
    decidedBy: 'STAFF', // 003: "cancellations may not be possible depending on the product or the status of your order"
    beforeProcessing: { percentBps: 0, of: 'TOTAL' }, // store's choice
    onceProcessed: { kind: 'REFUSED' }, // store's choice
  },
  changeRights: {
    specChange: { kind: 'NONE' }, // store's choice: 003 is silent on spec changes
    releaseDateChange: { kind: 'NONE' }, // 003: "Requests to cancel orders due to altered release dates (advancements/delays) will not be accepted."
  },
  returns: {
    preference: { kind: 'NOT_ACCEPTED' }, // 003: "We do not accept returns or refunds for delivered products due to preference or convenience."
    defects: 'EXCHANGE', // 003: "If a product is found to be defective, we will provide a replacement."
  },
  // 003: "any refund issued will be the purchase amount minus the round-trip shipping costs"
  returnToSender: { deductRoundTripShipping: true },
  // 003: "Once the shipment date confirmation email has been sent, we are unable to accept changes to the shipping address."
  addressChange: { until: 'SHIPPING_DATE_CONFIRMED' },
  expiry: { depositKept: false, downPaymentKept: true, countsTowardAbuse: true }, // store's choice; 003: "unilateral cancellations ... we may decline to provide future services"
  abuse: {
    // 003: "In the case of unilateral cancellations or refusal to accept delivery due to customer reasons, we may decline to provide future services."
    flagRules: [{ flag: 'REFUSED_DELIVERY', requires: { kind: 'NO_PREORDERS' } }],
    suggestFlag: { flag: 'REFUSED_DELIVERY', afterExpiries: 2, within: { amount: 12, unit: 'MONTHS' } }, // store's choice
  },
  claims: {
    windows: { damage: { amount: 7, unit: 'DAYS' }, significantDamage: null }, // store's choice: 003 gives no claim window
    evidence: { photos: true, unboxingVideo: false }, // store's choice
    coverage: { notCoveredStatuses: [], inStockCoveredAfterRelease: null, preordersAlwaysCovered: true, exclusions: [] }, // store's choice
    compensation: null, // 003: defects are exchanged, not compensated
    resolutions: {
      // 003: "If the product has a defect, we will handle the issue by providing an exchange." / "we will provide a replacement"
      byKind: {
        MIS_SHIPMENT: [{ resolution: 'EXCHANGE' }], // store's choice: the right item for the wrong one
        ACCESSORY_MISSING: [{ resolution: 'EXCHANGE' }],
        ACCESSORY_DAMAGED: [{ resolution: 'EXCHANGE' }],
        ACCESSORY_PRODUCED_IN_ERROR: [{ resolution: 'EXCHANGE' }],
        SHIPPING_DAMAGE: [{ resolution: 'EXCHANGE' }],
        QUALITY_DEFECT: [{ resolution: 'EXCHANGE' }],
      },
      keepDiscountBps: null, // 003: "returns and refunds are not offered as a general rule"
    },
    replacementParts: null, // 003 exchanges instead of sending parts
  },
  fulfilment: {
    inStock: {
      handover: { min: 0, max: 7, unit: 'BUSINESS_DAYS' }, // 003: "Ships within approximately 7 business days after payment is completed."
      shippingQuote: null, // 003: shipping is charged at checkout
      dispatchAfterExtraPayment: null,
    },
    preorder: { handover: null, shippingQuote: null, paymentToTracking: null }, // 003: ships on the notified shipping date
  },
} satisfies StorePolicyInput;
