import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength, PageInfo } from '@vitrine/platform';
import type { CustomerPage } from '../use-cases/search-customers.js';
import { CustomerType } from './customer.type.js';

@InputType('CustomerSearchInput', { description: 'Every term given must match.' })
export class CustomerSearchInput {
  @Field(() => String, { nullable: true, description: 'The start of the email address (a whole address finds exactly it), any letter case.' })
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the display name (at least 2 characters), any letter case.' })
  @MaxLength(200)
  name?: string | null;
}

@ObjectType('CustomerEdge')
export class CustomerEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => CustomerType)
  node!: CustomerType;
}

@ObjectType('CustomerConnection')
export class CustomerConnection {
  @Field(() => [CustomerEdge])
  edges!: CustomerEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Customers matching the search (counted only when asked for).' })
  async totalCount(): Promise<number> {
    return this.countTotal();
  }

  countTotal!: () => Promise<number>;

  static from(page: CustomerPage): CustomerConnection {
    return Object.assign(new CustomerConnection(), {
      edges: page.customers.map((customer, i) =>
        Object.assign(new CustomerEdge(), { cursor: page.cursors[i]!, node: CustomerType.from(customer, { revealPrivate: true }) }),
      ),
      pageInfo: Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null }),
      countTotal: page.countTotal,
    });
  }
}
