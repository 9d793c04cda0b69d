import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { availableQuantity } from '../domain/reservation.js';
import { listStockMovements, transfersOf } from '../use-cases/list-stock-movements.js';
import type { CatalogContext } from './catalog-context.js';
import { ProductType } from './product.type.js';
import { StockMovementType } from './stock-movement.type.js';
import { WarehouseStockType } from './warehouse-stock.type.js';
import { Staff } from '../identity.js';

@Resolver(() => ProductType)
export class ProductStockResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Units that can be ordered now, from where its status sells (preorder pool, or warehouses); null: an open-ended preorder; 0 when it takes no orders.',
  })
  availableQuantity(@Root() product: ProductType, @Ctx() ctx: CatalogContext): number | null | Promise<number | null> {
    // Synchronous when the listing read its page's stock first (page-read-ahead.ts).
    return ctx.stockOf.resolve(product.id, (levels) => availableQuantity({ status: product.status, ...levels }));
  }

  @Staff('catalog:write')
  @FieldResolver(() => [WarehouseStockType], { description: 'Staff (catalog:write): units per warehouse, in the order in-stock sales draw from them.' })
  stockLevels(@Root() product: ProductType, @Ctx() ctx: CatalogContext): WarehouseStockType[] | Promise<WarehouseStockType[]> {
    return ctx.stockOf.resolve(product.id, (levels) => levels.warehouses.map(WarehouseStockType.from));
  }

  @Staff('catalog:write')
  @FieldResolver(() => [StockMovementType], {
    description:
      'Staff (catalog:write): its stock ledger, newest first, for a product page (one query per product: not meant for listings). Pass the last id as beforeId for the next page.',
  })
  async stockMovements(
    @Root() product: ProductType,
    @Ctx() ctx: CatalogContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('beforeId', () => ID, { nullable: true }) beforeId: string | null,
  ): Promise<StockMovementType[]> {
    const movements = await listStockMovements(ctx.em, product.id, first, beforeId ?? null);
    const transfers = await transfersOf(ctx.em, movements);
    return movements.map((m) => StockMovementType.from(m, (m.transferId && transfers.get(m.transferId)) || null));
  }
}
