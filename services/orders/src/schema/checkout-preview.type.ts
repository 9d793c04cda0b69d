import { Field, Int, ObjectType } from 'type-graphql';
import type { OrderKind, OrderPaymentPlan } from '@vitrine/contracts';
import { Money } from '@vitrine/platform';
import { nowAndLater } from '../domain/payment-terms.js';
import type { CheckoutPreview, PlannedOrder } from '../use-cases/checkout.js';
import { OrderKindEnum, OrderPaymentPlanEnum } from './order-enums.js';
import { OrderLineType } from './order-parts.type.js';
import { ProductRef } from './product-stub.type.js';

@ObjectType('PlannedOrder', { description: 'One order a checkout of the cart would place now, with what it pays when.' })
export class PlannedOrderType {
  @Field(() => OrderKindEnum)
  kind!: OrderKind;

  @Field(() => OrderPaymentPlanEnum)
  paymentPlan!: OrderPaymentPlan;

  @Field(() => [OrderLineType])
  lines!: OrderLineType[];

  @Field(() => Money, { description: 'The goods, tax included (shipping apart).' })
  total!: Money;

  @Field(() => Money, { description: 'The shipping estimate for this order with the method asked for (the final cost is quoted when packed).' })
  shippingEstimate!: Money;

  @Field(() => Money, { description: 'Paid at checkout (goods and shipping); zero when nothing is due until release, arrival or shipping.' })
  dueAtOrder!: Money;

  @Field(() => Money, { description: 'Of that, the part never refunded (a product’s down payment).' })
  nonRefundableAtOrder!: Money;

  @Field(() => Money, { description: 'What is left to pay later, with the shipping estimate (the balance, or all of it at arrival or shipping).' })
  dueLater!: Money;

  @Field(() => Money, { nullable: true, description: 'The deposit of a deposit plan; null on other plans.' })
  deposit!: Money | null;

  static from(order: PlannedOrder, currency: string): PlannedOrderType {
    const money = (amount: number) => Money.of(amount, currency);
    const { now, later } = nowAndLater(order.terms, order.goodsTotal, order.shipping.amount);
    return Object.assign(new PlannedOrderType(), {
      kind: order.group.kind,
      paymentPlan: order.terms.plan,
      lines: order.group.lines.map((line) =>
        Object.assign(new OrderLineType(), {
          product: Object.assign(new ProductRef(), { id: line.productId }),
          quantity: line.quantity,
          unitPrice: money(line.unitPriceAmount),
          lineTotal: money(line.unitPriceAmount * line.quantity),
        }),
      ),
      total: money(order.goodsTotal),
      shippingEstimate: money(order.shipping.amount),
      dueAtOrder: money(now),
      nonRefundableAtOrder: money(order.terms.nonRefundable),
      dueLater: money(later),
      deposit: order.terms.plan === 'DEPOSIT' ? money(order.terms.deposit) : null,
    });
  }
}

@ObjectType('CheckoutPreview', { description: 'What a checkout of the cart would place now: nothing is written or held.' })
export class CheckoutPreviewType {
  @Field(() => Int, { description: 'The store policy version the orders would be judged by.' })
  policyVersion!: number;

  @Field(() => [PlannedOrderType], { description: 'Items in stock as one order, each preordered product as an order of its own.' })
  orders!: PlannedOrderType[];

  @Field(() => Money, { description: 'Paid at checkout, all orders together.' })
  dueAtOrder!: Money;

  static from(preview: CheckoutPreview): CheckoutPreviewType {
    const orders = preview.orders.map((o) => PlannedOrderType.from(o, preview.currency));
    return Object.assign(new CheckoutPreviewType(), {
      policyVersion: preview.policyVersion,
      orders,
      dueAtOrder: Money.of(
        orders.reduce((sum, o) => sum + o.dueAtOrder.amount, 0),
        preview.currency,
      ),
    });
  }
}
