import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '@vitrine/platform';
import type { LedgerAccount } from '../domain/ledger-accounts.js';
import type { MovementKind } from '../domain/ledger.js';
import type { Discrepancy } from '../domain/reconciliation.js';
import type { LedgerReconciliation } from '../use-cases/reconcile-ledger.js';
import { LedgerAccountEnum, LedgerMovementEnum } from './enums.js';

@ObjectType('LedgerPosting', { description: 'One line of the ledger for an order: debit positive, credit negative (staff).' })
export class LedgerPostingType {
  @Field(() => ID)
  transactionId!: string;

  @Field(() => Int, { description: 'The ledger’s order.' })
  sequence!: number;

  @Field(() => LedgerMovementEnum)
  movement!: MovementKind;

  @Field(() => String, { nullable: true, description: 'The charge’s purpose, the fee’s or the refund’s reason.' })
  reason!: string | null;

  @Field(() => LedgerAccountEnum)
  account!: LedgerAccount;

  @Field(() => Money, { description: 'Signed: debit +, credit -.' })
  amount!: Money;

  @Field(() => String, { nullable: true, description: 'The provider charge the money came in by.' })
  chargeId!: string | null;

  @Field(() => ID, { nullable: true })
  refundId!: string | null;
}

@ObjectType('LedgerCurrencyTotals')
export class LedgerCurrencyTotalsType {
  @Field(() => String)
  currency!: string;

  @Field(() => Money, { description: 'Captured from customers.' })
  paid!: Money;

  @Field(() => Money, { description: 'Refunds decided.' })
  refunded!: Money;

  @Field(() => Money, { description: 'Refunds the provider paid out.' })
  refundedOut!: Money;

  @Field(() => Money, { description: 'Held for orders not shipped yet (liabilities).' })
  held!: Money;
}

@ObjectType('LedgerDiscrepancy', { description: 'Something the reconciliation found wrong.' })
export class LedgerDiscrepancyType {
  @Field(() => String, {
    description: 'UNBALANCED_TRANSACTION, NEGATIVE_ORDER_POSITION, NEGATIVE_BALANCE, OVER_REFUNDED_CHARGE, CHARGE_MISMATCH or REFUND_MISMATCH.',
  })
  kind!: string;

  @Field(() => String, { description: 'Its facts, as a JSON object.' })
  details!: string;
}

@ObjectType('LedgerReconciliation', { description: 'The ledger proved against itself and the provider (staff).' })
export class LedgerReconciliationType {
  @Field(() => Date)
  checkedAt!: Date;

  @Field(() => Boolean, { description: 'True when nothing is wrong.' })
  balanced!: boolean;

  @Field(() => Int)
  transactions!: number;

  @Field(() => Int)
  orders!: number;

  @Field(() => Int, { description: 'Payments still waiting on the provider (re-checked on their own).' })
  processingIntents!: number;

  @Field(() => [LedgerCurrencyTotalsType])
  totals!: LedgerCurrencyTotalsType[];

  @Field(() => [LedgerDiscrepancyType])
  discrepancies!: LedgerDiscrepancyType[];

  static from(r: LedgerReconciliation): LedgerReconciliationType {
    return Object.assign(new LedgerReconciliationType(), {
      checkedAt: new Date(r.checkedAt),
      balanced: r.discrepancies.length === 0,
      transactions: r.transactions,
      orders: r.orders,
      processingIntents: r.processingIntents,
      totals: r.totals.map((t) =>
        Object.assign(new LedgerCurrencyTotalsType(), {
          currency: t.currency,
          paid: Money.of(t.paid, t.currency),
          refunded: Money.of(t.refunded, t.currency),
          refundedOut: Money.of(t.refundedOut, t.currency),
          held: Money.of(t.held, t.currency),
        }),
      ),
      discrepancies: r.discrepancies.map((d: Discrepancy) => {
        const { kind, ...details } = d;
        return Object.assign(new LedgerDiscrepancyType(), { kind, details: JSON.stringify(details) });
      }),
    });
  }
}
