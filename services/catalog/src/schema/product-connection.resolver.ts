import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { ProductConnection } from './product-connection.type.js';

@Resolver(() => ProductConnection)
export class ProductConnectionResolver {
  @FieldResolver(() => Int, { description: 'Products matching the query, across all pages.' })
  totalCount(@Root() connection: ProductConnection): Promise<number> {
    return connection.countTotal();
  }
}
