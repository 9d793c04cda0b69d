import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { OrderKind, OrderPaymentPlan } from '@vitrine/contracts';
import { Money } from '@vitrine/platform';
import type { CustomerActionFacts } from '../domain/customer-actions.js';
import type { OrderStatus } from '../domain/order-status.js';
import type { Order } from '../store/order.entity.js';
import type { OrderRead } from '../use-cases/read-orders.js';
import { OrderKindEnum, OrderPaymentPlanEnum, OrderStatusEnum } from './order-enums.js';
import { CancellationRightType, OrderDueType, OrderLineType, OrderOutcomeType } from './order-parts.type.js';
import { ProductRef } from './product-stub.type.js';
import { ShippingAddressType } from './shipping-address.type.js';

@Directive('@key(fields: "id")')
@ObjectType('Order')
export class OrderType {
  @Field(() => ID)
  id!: string;

  @Field(() => OrderStatusEnum)
  status!: OrderStatus;

  @Field(() => String, { nullable: true, description: 'Why the order is in its status, e.g. INSUFFICIENT_STOCK.' })
  statusReason!: string | null;

  @Field(() => OrderKindEnum)
  kind!: OrderKind;

  @Field(() => OrderPaymentPlanEnum)
  paymentPlan!: OrderPaymentPlan;

  @Field(() => Int, { description: 'The store policy version the order is judged by, for its whole life.' })
  policyVersion!: number;

  @Field(() => [OrderLineType])
  lines!: OrderLineType[];

  @Field(() => Money, { description: 'The goods, tax included (shipping apart).' })
  total!: Money;

  @Field(() => Money, { description: 'The shipping estimate (the final cost is quoted when packed).' })
  shippingEstimate!: Money;

  @Field(() => String, { nullable: true })
  shippingMethod!: string | null;

  @Field(() => ShippingAddressType, { nullable: true })
  shippingAddress!: ShippingAddressType | null;

  @Field(() => [OrderDueType], { description: 'What the order owes and owed, oldest first.' })
  dues!: OrderDueType[];

  @Field(() => OrderDueType, { nullable: true, description: 'What is due next and by when; null when nothing is due now.' })
  nextPayment!: OrderDueType | null;

  @Field(() => CancellationRightType, { nullable: true })
  cancellationRight!: CancellationRightType | null;

  @Field(() => Date, { nullable: true, description: 'When the customer asked to cancel, where staff decide.' })
  cancellationRequestedAt!: Date | null;

  @Field(() => OrderOutcomeType, { nullable: true, description: 'How the order ended, if it was cancelled or expired.' })
  outcome!: OrderOutcomeType | null;

  @Field(() => String, { nullable: true })
  trackingNumber!: string | null;

  @Field(() => Date)
  placedAt!: Date;

  @Field(() => Date, { nullable: true })
  releasedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  arrivedAtWarehouseAt!: Date | null;

  @Field(() => Date, { nullable: true })
  shippingDateConfirmedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  shippedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  /** Not in the schema: the order and its dues as the customer's rules read them (`customerActions`). */
  customerActionFacts!: CustomerActionFacts;

  static from(order: Order): OrderType {
    return OrderType.of({ order, lines: order.lines.getItems(), dues: order.dues.getItems() });
  }

  /** From the order's fields, lines and dues: an entity's, or rows read to render it (`use-cases/read-orders.ts`). */
  static of({ order, lines, dues: orderDues }: OrderRead): OrderType {
    const money = (amount: number) => Money.of(amount, order.currency);
    const dues = orderDues.map((d) => OrderDueType.from(d, order.currency, order.policyVersion));
    return Object.assign(new OrderType(), {
      id: order.id,
      status: order.status,
      statusReason: order.statusReason ?? null,
      kind: order.kind,
      paymentPlan: order.paymentPlan,
      policyVersion: order.policyVersion,
      total: money(order.totalAmount),
      shippingEstimate: money(order.shippingEstimateAmount),
      shippingMethod: order.shippingMethod ?? null,
      shippingAddress: order.shippingAddress
        ? Object.assign(new ShippingAddressType(), { line2: null, region: null, phone: null, ...order.shippingAddress })
        : null,
      dues,
      nextPayment: dues.find((d) => d.status === 'OPEN') ?? null,
      cancellationRight: order.cancellationRight
        ? Object.assign(new CancellationRightType(), { reason: order.cancellationRight.reason, closesAt: new Date(order.cancellationRight.closesAt) })
        : null,
      cancellationRequestedAt: order.cancellationRequestedAt ?? null,
      outcome: order.outcome ? OrderOutcomeType.from(order.outcome, order.currency) : null,
      trackingNumber: order.trackingNumber ?? null,
      placedAt: order.placedAt,
      releasedAt: order.releasedAt ?? null,
      arrivedAtWarehouseAt: order.arrivedAtWarehouseAt ?? null,
      shippingDateConfirmedAt: order.shippingDateConfirmedAt ?? null,
      shippedAt: order.shippedAt ?? null,
      deliveredAt: order.deliveredAt ?? null,
      createdAt: order.createdAt,
      customerActionFacts: {
        order: {
          status: order.status,
          outcome: order.outcome ?? null,
          cancellationRequestedAt: order.cancellationRequestedAt ?? null,
          kind: order.kind,
          paymentPlan: order.paymentPlan,
          currency: order.currency,
          totalAmount: order.totalAmount,
          depositAmount: order.depositAmount,
          downPaymentAmount: order.downPaymentAmount,
          shippingEstimateAmount: order.shippingEstimateAmount,
          placedAt: order.placedAt,
          firstPaidAt: order.firstPaidAt ?? null,
          processedAt: order.processedAt ?? null,
          shippingDateConfirmedAt: order.shippingDateConfirmedAt ?? null,
          arrivedAtWarehouseAt: order.arrivedAtWarehouseAt ?? null,
          shippedAt: order.shippedAt ?? null,
          deliveredAt: order.deliveredAt ?? null,
          cancellationRight: order.cancellationRight ?? null,
        },
        dues: orderDues.map((d) => ({
          purpose: d.purpose,
          goodsAmount: d.goodsAmount,
          shippingAmount: d.shippingAmount,
          status: d.status,
          collect: d.collect,
        })),
      },
      lines: lines.map((line) =>
        Object.assign(new OrderLineType(), {
          product: Object.assign(new ProductRef(), { id: line.productId }),
          quantity: line.quantity,
          unitPrice: money(line.unitPriceAmount),
          lineTotal: money(line.unitPriceAmount * line.quantity),
        }),
      ),
    });
  }
}
