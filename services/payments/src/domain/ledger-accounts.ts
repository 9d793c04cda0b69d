import { depositPurposes, type PaymentPurpose } from './payment-purpose.js';

export const accountKinds = ['ASSET', 'LIABILITY', 'INCOME'] as const;
export type AccountKind = (typeof accountKinds)[number];

/**
 * The chart of accounts. Every posting names one of these; money for an
 * order sits in the liabilities until the order ships (or is kept as a fee),
 * so nothing is revenue before the customer has the goods.
 */
export const ledgerAccounts = {
  /** What the payment provider holds for us: captured charges in, refunds out. */
  PROVIDER_CLEARING: { kind: 'ASSET', description: 'Money captured at the payment provider, less refunds paid out' },
  /** Deposits and down payments: forfeitable, owed back or kept as a fee if the order is cancelled. */
  CUSTOMER_DEPOSITS_HELD: { kind: 'LIABILITY', description: 'Deposits and down payments on orders not yet shipped' },
  /** Full payments, balances, arrival and at-ship payments for goods not yet shipped. */
  DEFERRED_REVENUE: { kind: 'LIABILITY', description: 'Product payments on orders not yet shipped' },
  /** Shipping estimates and extra shipping invoices paid before dispatch (an excess goes back). */
  SHIPPING_COLLECTED: { kind: 'LIABILITY', description: 'Shipping paid on orders not yet shipped' },
  /** Refunds decided and not yet paid out by the provider. */
  REFUNDS_PAYABLE: { kind: 'LIABILITY', description: 'Refunds decided, not yet paid out' },
  REVENUE: { kind: 'INCOME', description: 'Product sales of shipped orders, net of refunds after shipment' },
  SHIPPING_REVENUE: { kind: 'INCOME', description: 'Shipping charged on shipped orders' },
  /** Forfeited deposits and down payments, cancellation and restocking fees. */
  FEES_EARNED: { kind: 'INCOME', description: 'Forfeits, cancellation and restocking fees kept' },
} as const satisfies Record<string, { kind: AccountKind; description: string }>;

export type LedgerAccount = keyof typeof ledgerAccounts;
export const ledgerAccountCodes = Object.keys(ledgerAccounts) as LedgerAccount[];

/** Money held for an order that has not shipped: it may still go back. */
export const heldAccounts = ['CUSTOMER_DEPOSITS_HELD', 'DEFERRED_REVENUE', 'SHIPPING_COLLECTED'] as const satisfies readonly LedgerAccount[];
/** Money earned on an order. */
export const earnedAccounts = ['REVENUE', 'SHIPPING_REVENUE', 'FEES_EARNED'] as const satisfies readonly LedgerAccount[];
/** Where an order's money sits between capture and refund: held or earned. */
export const orderFundAccounts = [...heldAccounts, ...earnedAccounts] as const;
export type OrderFundAccount = (typeof orderFundAccounts)[number];

export function accountKind(account: LedgerAccount): AccountKind {
  return ledgerAccounts[account].kind;
}

/** Assets grow with debits; liabilities and income with credits. */
export function normalSide(account: LedgerAccount): 'DEBIT' | 'CREDIT' {
  return accountKind(account) === 'ASSET' ? 'DEBIT' : 'CREDIT';
}

/** An account's balance on its normal side, from the sum of its signed postings (debit +, credit -). */
export function normalBalance(account: LedgerAccount, signedSum: number): number {
  const balance = normalSide(account) === 'DEBIT' ? signedSum : -signedSum;
  return balance === 0 ? 0 : balance;
}

/** Where the product part of a captured charge is held until shipment. */
export function productAccountFor(purpose: PaymentPurpose): 'CUSTOMER_DEPOSITS_HELD' | 'DEFERRED_REVENUE' {
  return depositPurposes.includes(purpose) ? 'CUSTOMER_DEPOSITS_HELD' : 'DEFERRED_REVENUE';
}
