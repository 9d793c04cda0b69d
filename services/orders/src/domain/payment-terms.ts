import type { OrderKind, OrderPaymentPlan, PaymentPlan, PaymentPurpose } from '@vitrine/contracts';
import { percentOf, upfrontRequirement, type Rule, type StorePolicy } from '@vitrine/policy';

/** What the customer chose at checkout for a deposit campaign: the deposit, or everything now when the campaign allows it. */
export type PaymentChoice = 'DEPOSIT' | 'FULL_PAYMENT';

export interface TermsRequest {
  kind: OrderKind;
  /** The campaign's plan as catalog announced it; null: the store policy's default plan. */
  campaignPlan: PaymentPlan | null;
  choice: PaymentChoice | null;
  /** Minor units: the goods, tax included. */
  goodsTotal: number;
  shippingEstimate: number;
  /** Sum of the products' non-refundable down payments (per unit x quantity). */
  productDownPayment: number;
  /** The customer's active flags (accounts). */
  flags: readonly string[];
}

export interface DueAtOrder {
  purpose: PaymentPurpose;
  goods: number;
  shipping: number;
}

export interface OrderTerms {
  plan: OrderPaymentPlan;
  /** The deposit the terms set (the base of deposit-based fees); 0 outside deposit plans. */
  deposit: number;
  /** The part of what is paid at order that is never refunded. */
  nonRefundable: number;
  /** Paid at checkout; null when nothing is due until release, arrival or shipping. */
  dueAtOrder: DueAtOrder | null;
  rule: Rule;
}

export type TermsDecision =
  ({ ok: true } & OrderTerms) | { ok: false; refusal: 'PLAN_NOT_OFFERED' | 'PREORDERS_REFUSED' | 'FULL_PAYMENT_NOT_OFFERED'; rule: Rule };

/**
 * What an order pays at checkout and on which plan, from the policy version
 * in force, the campaign's terms, the products' down payments and the
 * customer's flags. In-stock orders pay everything now; a preorder paid in
 * full at order includes the shipping estimate (000); otherwise shipping is
 * paid with the balance. A product's down payment is the least paid at order
 * and is never refunded (004).
 */
export function orderTerms(policy: StorePolicy, request: TermsRequest): TermsDecision {
  if (request.kind === 'IN_STOCK') {
    return {
      ok: true,
      plan: 'IN_STOCK',
      deposit: 0,
      nonRefundable: 0,
      dueAtOrder: { purpose: 'FULL_PAYMENT', goods: request.goodsTotal, shipping: request.shippingEstimate },
      rule: { id: 'payment.in-stock', text: 'Items in stock are paid in full at order, estimated shipping included.' },
    };
  }
  const campaign = request.campaignPlan;
  const offered = campaign?.kind ?? policy.paymentPlans.default;
  const fullPaymentAllowed = offered === 'DEPOSIT' && (campaign ? campaign.fullPaymentAllowed : (policy.paymentPlans.deposit?.fullPaymentAllowed ?? false));
  if (request.choice === 'FULL_PAYMENT' && offered === 'DEPOSIT' && !fullPaymentAllowed) {
    return { ok: false, refusal: 'FULL_PAYMENT_NOT_OFFERED', rule: { id: 'payment.full-payment-not-offered', text: 'This preorder is paid with a deposit.' } };
  }
  const plan = offered === 'DEPOSIT' && request.choice === 'FULL_PAYMENT' ? 'FULL_PAYMENT' : offered;
  const depositShare = offered === 'DEPOSIT' ? (campaign?.depositPercent ?? null) : null;
  const upfront = upfrontRequirement(policy, request.flags, plan, plan === 'DEPOSIT' && depositShare !== null ? depositShare * 100 : undefined);
  if (upfront.refused) {
    return { ok: false, refusal: upfront.rule.id === 'upfront.plan-not-offered' ? 'PLAN_NOT_OFFERED' : 'PREORDERS_REFUSED', rule: upfront.rule };
  }
  const goods = request.goodsTotal;
  const atOrder = Math.min(goods, Math.max(percentOf(goods, upfront.payAtOrderBps), request.productDownPayment));
  const nonRefundable = Math.min(atOrder, request.productDownPayment + percentOf(goods, upfront.nonRefundableBps));
  const paidInFull = atOrder === goods;
  const deposit = offered === 'DEPOSIT' ? percentOf(goods, depositShare !== null ? depositShare * 100 : (policy.paymentPlans.deposit?.percentBps ?? 0)) : 0;
  const purpose: PaymentPurpose = paidInFull ? 'FULL_PAYMENT' : plan === 'DEPOSIT' ? 'DEPOSIT' : 'DOWN_PAYMENT';
  return {
    ok: true,
    plan,
    deposit,
    nonRefundable,
    dueAtOrder: atOrder > 0 ? { purpose, goods: atOrder, shipping: paidInFull ? request.shippingEstimate : 0 } : null,
    rule: upfront.rule,
  };
}

/**
 * An order's money over time under its terms: what it pays at checkout (goods and shipping) and what is left for
 * later (the balance, or everything at arrival or shipping), the shipping estimate included in one or the other.
 */
export function nowAndLater(terms: Pick<OrderTerms, 'dueAtOrder'>, goodsTotal: number, shippingEstimate: number): { now: number; later: number } {
  const now = terms.dueAtOrder ? terms.dueAtOrder.goods + terms.dueAtOrder.shipping : 0;
  return { now, later: goodsTotal + shippingEstimate - now };
}
