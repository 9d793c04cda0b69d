import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireCallerId, TextArg } from '@vitrine/platform';
import { Staff } from '../identity.js';
import { reconcileLedger } from '../use-cases/reconcile-ledger.js';
import { refundPayment } from '../use-cases/refund-payment.js';
import { LedgerReconciliationType } from './ledger.type.js';
import type { PaymentsContext } from './payments-context.js';
import { MoneyInput, RefundType } from './refund.type.js';

@Resolver(() => RefundType)
export class RefundResolver {
  @Staff('payments:write')
  @Mutation(() => RefundType, {
    description:
      'Staff (payments:write): refunds part or all of what an order paid, saying why (1-500 characters); split across its payments newest first, audited. Never more than paid minus already refunded: POLICY_VIOLATION (REFUND_EXCEEDS_PAID) says how much still can be. Same idempotencyKey (8-200 characters) when retrying.',
  })
  async refundPayment(
    @Ctx() ctx: PaymentsContext,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('amount', () => MoneyInput) amount: MoneyInput,
    @TextArg('reason', { maxLength: 500 }) reason: string,
    @TextArg('idempotencyKey', { maxLength: 200 }) idempotencyKey: string,
  ): Promise<RefundType> {
    const refund = await refundPayment(ctx.em, ctx.runtime, {
      staffId: requireCallerId(ctx.caller),
      orderId,
      amount: { amount: amount.amount, currency: amount.currency },
      reason,
      idempotencyKey,
    });
    return RefundType.from(refund);
  }

  @Staff('payments:write')
  @Query(() => LedgerReconciliationType, {
    description:
      'Staff (payments:write): proves the ledger: every transaction sums to zero per currency, no order has been refunded more than it paid, and the ledger matches the provider’s charges and refunds.',
  })
  async ledgerReconciliation(@Ctx() ctx: PaymentsContext): Promise<LedgerReconciliationType> {
    return LedgerReconciliationType.from(await reconcileLedger(ctx.em, ctx.runtime));
  }
}
