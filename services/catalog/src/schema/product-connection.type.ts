import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@vitrine/platform';
import { ProductType } from './product.type.js';

@ObjectType('ProductEdge')
export class ProductEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => ProductType)
  node!: ProductType;
}

@ObjectType('ProductConnection')
export class ProductConnection {
  @Field(() => [ProductEdge])
  edges!: ProductEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Resolved by ProductConnectionResolver.totalCount, only when selected. */
  countTotal!: () => Promise<number>;
}
