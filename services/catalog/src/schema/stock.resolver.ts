import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { NotFound, TextArg, requireCallerId, requireUuid } from '@vitrine/platform';
import { arrivedAtWarehouse } from '../use-cases/arrive-at-warehouse.js';
import { adjustStock, receiveStock } from '../use-cases/receive-stock.js';
import { reconcileStock } from '../use-cases/reconcile-stock.js';
import type { CatalogContext } from './catalog-context.js';
import { ProductType } from './product.type.js';
import { StockDiscrepancyType } from './stock-discrepancy.type.js';
import { Staff } from '../identity.js';

@ObjectType('Arrival', { description: 'Preorder stock that reached a warehouse.' })
export class ArrivalType {
  @Field(() => ProductType)
  product!: ProductType;

  @Field(() => Int, { description: 'Preordered units moved onto the arrived ones.' })
  movedFromPreorders!: number;

  @Field(() => Int, { description: 'Arrived units left sellable.' })
  surplus!: number;
}

@Resolver()
export class StockResolver {
  @Staff('catalog:write')
  @Mutation(() => ProductType, {
    description: 'Staff (catalog:write): a restock of quantity (positive) units received into a warehouse. Audited; kept in the stock ledger.',
  })
  async receiveStock(
    @Ctx() ctx: CatalogContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Arg('quantity', () => Int) quantity: number,
  ): Promise<ProductType> {
    const ids = { productId: requireUuid(productId, 'productId', 'product'), warehouseId: requireUuid(warehouseId, 'warehouseId', 'warehouse') };
    await receiveStock(ctx.em, requireCallerId(ctx.caller), { ...ids, quantity });
    return this.product(ctx, ids.productId);
  }

  @Staff('catalog:write')
  @Mutation(() => ProductType, {
    description:
      'Staff (catalog:write): corrects units on hand by delta (either sign) with a reason. Never below what is reserved (POLICY_VIOLATION STOCK_BELOW_RESERVED).',
  })
  async adjustStock(
    @Ctx() ctx: CatalogContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Arg('delta', () => Int) delta: number,
    @TextArg('reason', { maxLength: 1000 }) reason: string,
  ): Promise<ProductType> {
    const ids = { productId: requireUuid(productId, 'productId', 'product'), warehouseId: requireUuid(warehouseId, 'warehouseId', 'warehouse') };
    await adjustStock(ctx.em, requireCallerId(ctx.caller), { ...ids, delta, reason });
    return this.product(ctx, ids.productId);
  }

  @Staff('catalog:write')
  @Mutation(() => ArrivalType, {
    description:
      'Staff (catalog:write): preorder stock arrived at a warehouse. Outstanding preorders move onto it first; the rest is sellable. Announces ProductArrived.',
  })
  async arrivedAtWarehouse(
    @Ctx() ctx: CatalogContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Arg('quantity', () => Int) quantity: number,
  ): Promise<ArrivalType> {
    const ids = { productId: requireUuid(productId, 'productId', 'product'), warehouseId: requireUuid(warehouseId, 'warehouseId', 'warehouse') };
    const arrival = await arrivedAtWarehouse(ctx.em, requireCallerId(ctx.caller), { ...ids, quantity });
    return Object.assign(new ArrivalType(), { product: await this.product(ctx, ids.productId), ...arrival });
  }

  @Staff('catalog:write')
  @Query(() => [StockDiscrepancyType], {
    description: "Staff (catalog:write): recomputes the products' stock from the ledger; every place that differs (none: it reconciles).",
  })
  async stockReconciliation(@Ctx() ctx: CatalogContext, @Arg('productIds', () => [ID]) productIds: string[]): Promise<StockDiscrepancyType[]> {
    const ids = productIds.map((id) => requireUuid(id, 'productIds', 'product'));
    return (await reconcileStock(ctx.em, ids)).map(StockDiscrepancyType.from);
  }

  private async product(ctx: CatalogContext, id: string): Promise<ProductType> {
    const product = await ctx.productById.load(id);
    if (!product) throw new NotFound('Product', id);
    return ProductType.from(product);
  }
}
