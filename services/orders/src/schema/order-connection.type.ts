import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '@vitrine/platform';
import type { OrderPage } from '../use-cases/list-orders.js';
import { OrderType } from './order.type.js';

@ObjectType('OrderEdge')
export class OrderEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => OrderType)
  node!: OrderType;
}

@ObjectType('OrderConnection')
export class OrderConnection {
  @Field(() => [OrderEdge])
  edges!: OrderEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Orders matching the filter (counted only when asked for).' })
  async totalCount(): Promise<number> {
    return this.countTotal();
  }

  countTotal!: () => Promise<number>;

  static from(page: OrderPage): OrderConnection {
    return Object.assign(new OrderConnection(), {
      edges: page.orders.map((order, i) => Object.assign(new OrderEdge(), { cursor: page.cursors[i]!, node: OrderType.from(order) })),
      pageInfo: Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null }),
      countTotal: page.countTotal,
    });
  }
}
