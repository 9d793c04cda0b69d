import type { NoticeFacts, NoticeKind } from './notice.js';

/** The sample order, product and customer staff previews are filled with. */
export const sampleIds = {
  orderId: '3f2c9a1e-5b7d-4c1a-9e8f-0a1b2c3d4e5f',
  productId: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
  dueId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
  shipmentId: '5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b',
  claimId: '9c8b7a6f-5e4d-4c3b-a291-8f7e6d5c4b3a',
  returnId: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
} as const;

export const sampleProductName = 'Sample Figure 1/7 Scale';
export const sampleCustomerName = 'Alex Sample';
export const sampleEmail = 'alex@example.com';
export const sampleToken = 'sample-token-not-a-real-one-0123456789';

const euros = (amount: number) => ({ amount, currency: 'EUR' });
const inTwoWeeks = '2027-03-14T23:59:00.000Z';
const highGrade = 'A high grade refunds 100% of the part’s maximum reimbursement.';
const parcel = { weightGrams: 2_350, dimensions: { lengthMm: 420, widthMm: 300, heightMm: 250 } };

/** Sample facts for each kind, shaped as the events make them (notices-from-events.ts). */
export const sampleFacts: Record<NoticeKind, NoticeFacts> = {
  WELCOME: {},
  ORDER_CONFIRMED: {
    kind: 'PREORDER',
    paymentPlan: 'DEPOSIT',
    lines: [{ productId: sampleIds.productId, quantity: 1, unitPrice: euros(24_900) }],
    goodsTotal: euros(24_900),
    shippingEstimate: euros(1_850),
    nextPayment: { purpose: 'BALANCE', amount: euros(19_920), dueAt: null },
  },
  PAYMENT_DUE: { dueId: sampleIds.dueId, purpose: 'BALANCE', amount: euros(21_770), dueAt: inTwoWeeks },
  CARD_CHARGE_SCHEDULED: { dueId: sampleIds.dueId, purpose: 'CHARGE_AT_SHIP', amount: euros(26_750) },
  PAYMENT_FAILED: { purpose: 'BALANCE', amount: euros(21_770), reason: 'The card was declined.', orderIds: [sampleIds.orderId] },
  ORDER_CANCELLED: { fee: euros(2_490), refund: euros(2_490), rule: 'Within 7 days of the order: a restocking fee of 50% of the deposit.', by: 'CUSTOMER' },
  ORDER_EXPIRED: { kept: euros(4_980), refund: euros(0), rule: 'A balance left unpaid forfeits the deposit.' },
  CANCELLATION_OFFERED: {
    productId: sampleIds.productId,
    reason: 'SPEC_CHANGE',
    closesAt: inTwoWeeks,
    refund: euros(4_980),
    rule: 'A spec change lets customers cancel with a full refund for 14 days.',
  },
  ORDER_SHIPPED: {},
  ORDER_DELIVERED: {},
  RELEASE_DATE_CHANGED: {
    productId: sampleIds.productId,
    orderIds: [sampleIds.orderId],
    oldEstimate: '2027-02',
    newEstimate: '2027-05',
    reason: 'The factory needs more time for painting.',
  },
  SPEC_CHANGED: {
    productId: sampleIds.productId,
    orderIds: [sampleIds.orderId],
    changes: [{ field: 'Height', from: '24 cm', to: '26 cm' }],
    description: 'The base is now resin.',
    reason: 'The maker revised the sculpt.',
  },
  PRODUCT_ARRIVED: { productId: sampleIds.productId, orderIds: [sampleIds.orderId], arrivedAt: '2027-05-20T09:00:00.000Z', quantity: 40 },
  REFUND_ISSUED: { refundId: sampleIds.dueId, amount: euros(2_490), reason: 'CANCELLATION' },
  SHIPPING_QUOTED: {
    shipmentId: sampleIds.shipmentId,
    orderIds: [sampleIds.orderId],
    outcome: 'REFUND_EXCESS',
    finalCost: euros(1_620),
    ...parcel,
    estimatePaid: euros(1_850),
    excessRefund: euros(230),
    extraDue: euros(0),
  },
  SHIPMENT_DISPATCHED: {
    shipmentId: sampleIds.shipmentId,
    orderIds: [sampleIds.orderId],
    carrier: 'COLISSIMO',
    trackingNumber: '6A12345678901',
    ...parcel,
    finalCost: euros(1_620),
    dispatchedAt: '2027-05-24T08:30:00.000Z',
  },
  EXTRA_SHIPPING_WAIVED: { shipmentId: sampleIds.shipmentId, orderIds: [sampleIds.orderId], extraWaived: euros(290) },
  CLAIM_SUBMITTED: { claimId: sampleIds.claimId, productId: sampleIds.productId, claimKind: 'ACCESSORY_DAMAGED', evidenceCount: 3 },
  CLAIM_DECIDED: {
    claimId: sampleIds.claimId,
    productId: sampleIds.productId,
    resolution: 'PARTIAL_REFUND',
    refund: euros(2_500),
    replacementParts: [],
    parts: [{ category: 'HEAD_SCULPT', grade: 'HIGH', amount: euros(2_500), rule: highGrade }],
  },
  CLAIM_OFFERED: {
    claimId: sampleIds.claimId,
    productId: sampleIds.productId,
    offers: [
      {
        resolution: 'REPLACEMENT_PART',
        refund: null,
        returnPostage: null,
        leadTime: { outcome: 'WINDOW', earliest: '2027-06-07', latest: '2027-06-21', rule: 'A spare part from stock reaches you in one to three weeks.' },
        rule: 'A damaged accessory is first replaced.',
      },
      { resolution: 'PARTIAL_REFUND', refund: euros(2_500), returnPostage: null, leadTime: null, rule: 'Or you keep it with a refund set by its grade.' },
      { resolution: 'RETURN', refund: null, returnPostage: 'STORE', leadTime: null, rule: 'Or you send it back at our cost.' },
    ],
    parts: [{ category: 'HEAD_SCULPT', grade: 'HIGH', amount: euros(2_500), rule: highGrade }],
  },
  CLAIM_EVIDENCE_REQUESTED: { claimId: sampleIds.claimId, note: 'Please add a close-up photo of the crack on the left hand, in daylight.' },
  CLAIM_REFUSED: {
    claimId: sampleIds.claimId,
    productId: sampleIds.productId,
    rule: 'The art box is packaging: damage to it alone is not covered.',
  },
  CLAIM_RESOLVED: { claimId: sampleIds.claimId, productId: sampleIds.productId, resolution: 'PARTIAL_REFUND', refund: euros(2_500) },
  RETURN_RECEIVED: {
    returnId: sampleIds.returnId,
    productId: sampleIds.productId,
    accepted: true,
    refund: euros(22_410),
    restockingFee: euros(2_490),
    rule: 'An unused item returned within 7 days is refunded less a 10% restocking fee.',
  },
  RETURN_REQUESTED: {
    returnId: sampleIds.returnId,
    productId: sampleIds.productId,
    quotedRefund: euros(17_430),
    restockingFee: euros(7_470),
    shippingRefund: euros(0),
    returnPostage: 'CUSTOMER',
    rule: 'An item in perfect condition, unused, may be returned within 7 days of delivery: refunded its price less a 30% restocking fee; shipping is not refunded; you pay the postage back.',
  },
  // Accounts' mail: a placeholder, never a real token, in previews.
  PASSWORD_RESET_REQUESTED: { email: sampleEmail, token: sampleToken, expiresAt: '2027-03-14T12:30:00.000Z' },
  EMAIL_VERIFICATION_REQUESTED: { email: sampleEmail, token: sampleToken, expiresAt: '2027-03-16T12:00:00.000Z' },
  EMAIL_CHANGE_REQUESTED: { email: 'alex.new@example.com', token: sampleToken, expiresAt: '2027-03-14T13:00:00.000Z' },
  PASSWORD_CHANGED: { email: sampleEmail, via: 'RESET' },
  SIGN_UP_REPEATED: { email: sampleEmail },
};
