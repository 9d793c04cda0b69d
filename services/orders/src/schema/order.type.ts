import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { graphqlEnum, Money } from '@vitrine/platform';
import { orderStatuses, type OrderStatus } from '../domain/order-status.js';
import type { Order } from '../store/order.entity.js';
import { ProductRef } from './product-stub.type.js';

const OrderStatusEnum = graphqlEnum(orderStatuses, {
  name: 'OrderStatus',
  valuesConfig: {
    PENDING: { description: 'Placed; waiting for stock to be reserved.' },
    CONFIRMED: { description: 'Stock reserved for every line.' },
    REJECTED: { description: 'Could not be served (see statusReason).' },
    CANCELLED: { description: 'Cancelled by staff (see statusReason); its units went back to stock.' },
  },
});

@ObjectType('OrderLine')
export class OrderLineType {
  @Field(() => ProductRef)
  product!: ProductRef;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Money, { description: 'Price per unit when the order was placed.' })
  unitPrice!: Money;

  @Field(() => Money)
  lineTotal!: Money;
}

@Directive('@key(fields: "id")')
@ObjectType('Order')
export class OrderType {
  @Field(() => ID)
  id!: string;

  @Field(() => OrderStatusEnum)
  status!: OrderStatus;

  @Field(() => String, { nullable: true, description: 'Why the order is in its status, e.g. INSUFFICIENT_STOCK.' })
  statusReason!: string | null;

  @Field(() => [OrderLineType])
  lines!: OrderLineType[];

  @Field(() => Money)
  total!: Money;

  @Field(() => Date)
  createdAt!: Date;

  static from(order: Order): OrderType {
    return Object.assign(new OrderType(), {
      id: order.id,
      status: order.status,
      statusReason: order.statusReason ?? null,
      total: Money.of(order.totalAmount, order.currency),
      createdAt: order.createdAt,
      lines: order.lines.getItems().map((line) =>
        Object.assign(new OrderLineType(), {
          product: Object.assign(new ProductRef(), { id: line.productId }),
          quantity: line.quantity,
          unitPrice: Money.of(line.unitPriceAmount, order.currency),
          lineTotal: Money.of(line.unitPriceAmount * line.quantity, order.currency),
        }),
      ),
    });
  }
}
