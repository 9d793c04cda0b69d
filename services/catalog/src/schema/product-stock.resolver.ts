import { Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { availableQuantity } from '../domain/reservation.js';
import type { CatalogContext } from './catalog-context.js';
import { ProductType } from './product.type.js';
import { WarehouseStockType } from './warehouse-stock.type.js';

@Resolver(() => ProductType)
export class ProductStockResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Units that can be ordered now, from where its status sells (preorder pool, or warehouses); null: an open-ended preorder; 0 when it takes no orders.',
  })
  async availableQuantity(@Root() product: ProductType, @Ctx() ctx: CatalogContext): Promise<number | null> {
    return availableQuantity({ status: product.status, ...(await ctx.stockOf.load(product.id)) });
  }

  @Authorized('catalog:write')
  @FieldResolver(() => [WarehouseStockType], { description: 'Staff (catalog:write): units per warehouse, in the order in-stock sales draw from them.' })
  async stockLevels(@Root() product: ProductType, @Ctx() ctx: CatalogContext): Promise<WarehouseStockType[]> {
    return (await ctx.stockOf.load(product.id)).warehouses.map(WarehouseStockType.from);
  }
}
