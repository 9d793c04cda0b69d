/**
 * What a payment is for, in orders' dues and payments' intents:
 * - DEPOSIT: a share of a preorder's price at order (deposit plan);
 * - FULL_PAYMENT: everything at order (a preorder paid in full, or an in-stock order), estimated shipping included;
 * - DOWN_PAYMENT: a non-refundable down payment at order (a product's, or one a customer flag demands);
 * - BALANCE: the rest of a deposit order's price plus shipping, once released;
 * - ARRIVAL_PAYMENT: a pay-on-arrival order, once the item is at the warehouse;
 * - CHARGE_AT_SHIP: the stored payment method, charged when the shipping date is fixed;
 * - EXTRA_SHIPPING: the final shipping cost above the estimate, before dispatch.
 */
export const paymentPurposes = ['DEPOSIT', 'FULL_PAYMENT', 'DOWN_PAYMENT', 'BALANCE', 'ARRIVAL_PAYMENT', 'CHARGE_AT_SHIP', 'EXTRA_SHIPPING'] as const;
export type PaymentPurpose = (typeof paymentPurposes)[number];
