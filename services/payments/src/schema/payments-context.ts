import type { BaseContext, Caller } from '@vitrine/platform';
import type DataLoader from 'dataloader';
import type { PaymentsRuntime } from '../config/payments-runtime.js';
import type { PaymentIntentView, RefundView } from '../use-cases/views.js';
import type { OrderMoney } from './order-money-loader.js';

export interface PaymentsContext extends BaseContext {
  runtime: PaymentsRuntime;
  /** What payments knows of an order's money, one query batch per request. */
  orderMoney: DataLoader<string, OrderMoney | null>;
  intentsByOrder: DataLoader<string, PaymentIntentView[]>;
  refundsByOrder: DataLoader<string, RefundView[]>;
}

/** Staff who may read any order's money: payments staff, and order managers (the back office's order page). */
export const moneyReaderScopes = ['payments:write', 'orders:manage'] as const;

/** The owner, or staff with a money-reading scope. */
export function maySeeMoneyOf(caller: Caller, customerId: string): boolean {
  return (caller.id !== null && caller.id === customerId) || moneyReaderScopes.some((scope) => caller.scopes.includes(scope));
}
