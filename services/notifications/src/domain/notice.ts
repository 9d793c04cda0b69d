/** Integer minor units and an ISO 4217 code, as every event carries money. */
export interface Money {
  amount: number;
  currency: string;
}

export const isMoney = (v: unknown): v is Money => typeof v === 'object' && v !== null && 'amount' in v && 'currency' in v;

/**
 * What customers are told, one kind per template. Each comes from one
 * customer-facing event (notices-from-events.ts for accounts, catalog,
 * orders and payments; shipment-notices.ts and claim-notices.ts for
 * logistics and after-sales; account-notices.ts for accounts' own mail:
 * links with a token, and security notices).
 */
export const noticeKinds = [
  'WELCOME',
  'ORDER_CONFIRMED',
  'PAYMENT_DUE',
  'CARD_CHARGE_SCHEDULED',
  'PAYMENT_FAILED',
  'ORDER_CANCELLED',
  'ORDER_EXPIRED',
  'CANCELLATION_OFFERED',
  'ORDER_SHIPPED',
  'ORDER_DELIVERED',
  'RELEASE_DATE_CHANGED',
  'SPEC_CHANGED',
  'PRODUCT_ARRIVED',
  'REFUND_ISSUED',
  'SHIPPING_QUOTED',
  'SHIPMENT_DISPATCHED',
  'EXTRA_SHIPPING_WAIVED',
  'CLAIM_SUBMITTED',
  'CLAIM_DECIDED',
  'CLAIM_OFFERED',
  'CLAIM_EVIDENCE_REQUESTED',
  'CLAIM_REFUSED',
  'CLAIM_RESOLVED',
  'RETURN_RECEIVED',
  'RETURN_REQUESTED',
  'PASSWORD_RESET_REQUESTED',
  'EMAIL_VERIFICATION_REQUESTED',
  'EMAIL_CHANGE_REQUESTED',
  'PASSWORD_CHANGED',
  'SIGN_UP_REPEATED',
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** The facts a notice's template is filled from: ids, money, instants (ISO) and texts, as JSON. */
export type NoticeFacts = Record<string, unknown>;

/**
 * One email to one customer about one event. `sendKey` is unique: the same
 * event for the same customer never makes a second message, however often it
 * is delivered.
 */
export interface Notice {
  kind: NoticeKind;
  customerId: string;
  orderId: string | null;
  sendKey: string;
  facts: NoticeFacts;
}

/** One message per event and recipient. */
export function sendKeyOf(eventId: string, customerId: string): string {
  return `${eventId}:${customerId}`;
}
