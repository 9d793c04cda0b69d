import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Money, storeNow } from '@vitrine/platform';
import { Staff } from '../identity.js';
import { signPayLink } from '../domain/pay-link.js';
import { publicOrigin } from '../config/payments-runtime.js';
import { findOrderTransactions } from '../use-cases/batch-reads.js';
import { LedgerPostingType } from './ledger.type.js';
import type { OrderMoney } from './order-money-loader.js';
import { OrderType } from './order.type.js';
import { PaymentIntentType } from './payment-intent.type.js';
import { maySeeMoneyOf, type PaymentsContext } from './payments-context.js';
import { RefundType } from './refund.type.js';

/** The order's money as payments knows it, or null when the caller may not see it (or there is none). */
async function moneyOf(ctx: PaymentsContext, order: OrderType): Promise<OrderMoney | null> {
  const money = await ctx.orderMoney.load(order.id);
  return money && maySeeMoneyOf(ctx.caller, money.customerId) ? money : null;
}

@Resolver(() => OrderType)
export class OrderMoneyResolver {
  @FieldResolver(() => [PaymentIntentType], { description: 'Payments made or attempted for this order, newest first.' })
  async payments(@Root() order: OrderType, @Ctx() ctx: PaymentsContext): Promise<PaymentIntentType[]> {
    if (!(await moneyOf(ctx, order))) return [];
    return (await ctx.intentsByOrder.load(order.id)).map(PaymentIntentType.from);
  }

  @FieldResolver(() => Money, { nullable: true, description: 'Captured so far (refunds not deducted); null before any due is known.' })
  async amountPaid(@Root() order: OrderType, @Ctx() ctx: PaymentsContext): Promise<Money | null> {
    const money = await moneyOf(ctx, order);
    return money ? Money.of(money.paid, money.currency) : null;
  }

  @FieldResolver(() => Money, { nullable: true, description: 'Refunded or being refunded.' })
  async amountRefunded(@Root() order: OrderType, @Ctx() ctx: PaymentsContext): Promise<Money | null> {
    const money = await moneyOf(ctx, order);
    return money ? Money.of(money.refunded, money.currency) : null;
  }

  @FieldResolver(() => Money, { nullable: true, description: 'Owed now (open dues).' })
  async amountDue(@Root() order: OrderType, @Ctx() ctx: PaymentsContext): Promise<Money | null> {
    const money = await moneyOf(ctx, order);
    return money ? Money.of(money.due, money.currency) : null;
  }

  @FieldResolver(() => [RefundType], { description: 'Money going back on this order, newest first.' })
  async refunds(@Root() order: OrderType, @Ctx() ctx: PaymentsContext): Promise<RefundType[]> {
    if (!(await moneyOf(ctx, order))) return [];
    return (await ctx.refundsByOrder.load(order.id)).map(RefundType.from);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The owner only: a signed link to the pay-now page for what is due now (the one emails carry); null when nothing is due.',
  })
  async payNowUrl(@Root() order: OrderType, @Ctx() ctx: PaymentsContext): Promise<string | null> {
    const money = await moneyOf(ctx, order);
    if (!money || money.customerId !== ctx.caller.id || money.openCustomerDues.length === 0) return null;
    const { settings } = ctx.runtime;
    const expiresAt = new Date(storeNow().getTime() + settings.PAYMENTS_PAY_LINK_TTL_HOURS * 3_600_000);
    const token = signPayLink(
      { customerId: money.customerId, orderIds: [money.orderId], dueIds: money.openCustomerDues.map((d) => d.id), expiresAt },
      settings.PAYMENTS_PAY_LINK_SECRET,
    );
    return `${publicOrigin(ctx.runtime)}/pay?t=${token}`;
  }

  @Staff('payments:write')
  @FieldResolver(() => [LedgerPostingType], { description: 'Staff (payments:write): every ledger posting of this order, in ledger order.' })
  async moneyTrail(@Root() order: OrderType, @Ctx() ctx: PaymentsContext): Promise<LedgerPostingType[]> {
    const transactions = await findOrderTransactions(ctx.em, order.id);
    return transactions.flatMap((tx) =>
      tx.postings
        .filter((p) => p.orderId === order.id.toLowerCase())
        .map((p) =>
          Object.assign(new LedgerPostingType(), {
            transactionId: tx.id,
            sequence: tx.sequence,
            movement: tx.kind,
            reason: tx.reason,
            account: p.account,
            amount: Money.of(p.amount, p.currency),
            chargeId: p.chargeId ?? null,
            refundId: p.refundId ?? null,
          }),
        ),
    );
  }
}
