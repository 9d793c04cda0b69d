import { requireCallerId } from '@vitrine/platform';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { createWarehouse, listWarehouses } from '../use-cases/create-warehouse.js';
import type { CatalogContext } from './catalog-context.js';
import { CreateWarehouseInput } from './create-warehouse.input.js';
import { WarehouseType } from './warehouse.type.js';
import { Staff } from '../identity.js';

@Resolver(() => WarehouseType)
export class WarehouseResolver {
  @Staff('catalog:write')
  @Query(() => [WarehouseType], { description: 'Staff (catalog:write): every warehouse, in the order in-stock sales draw from them.' })
  async warehouses(@Ctx() ctx: CatalogContext): Promise<WarehouseType[]> {
    return (await listWarehouses(ctx.em)).map(WarehouseType.from);
  }

  @Staff('catalog:write')
  @Mutation(() => WarehouseType, { description: 'Staff (catalog:write): adds a warehouse. Codes are unique.' })
  async createWarehouse(@Ctx() ctx: CatalogContext, @Arg('input', () => CreateWarehouseInput) input: CreateWarehouseInput): Promise<WarehouseType> {
    return WarehouseType.from(await createWarehouse(ctx.em, requireCallerId(ctx.caller), input));
  }
}
