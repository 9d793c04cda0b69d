import { requireCallerId, requireUuid } from '@vitrine/platform';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { retireWarehouse, updateWarehouse } from '../use-cases/change-warehouse.js';
import { createWarehouse, listWarehouses } from '../use-cases/create-warehouse.js';
import type { CatalogContext } from './catalog-context.js';
import { CreateWarehouseInput } from './create-warehouse.input.js';
import { UpdateWarehouseInput } from './update-warehouse.input.js';
import { WarehouseType } from './warehouse.type.js';
import { Staff } from '../identity.js';

@Resolver(() => WarehouseType)
export class WarehouseResolver {
  @Staff('catalog:write')
  @Query(() => [WarehouseType], { description: 'Staff (catalog:write): every warehouse, in the order in-stock sales draw from them; retired ones last.' })
  async warehouses(@Ctx() ctx: CatalogContext): Promise<WarehouseType[]> {
    return (await listWarehouses(ctx.em)).map(WarehouseType.from);
  }

  @Staff('catalog:write')
  @Mutation(() => WarehouseType, { description: 'Staff (catalog:write): adds a warehouse, with its return address or none yet. Codes are unique.' })
  async createWarehouse(@Ctx() ctx: CatalogContext, @Arg('input', () => CreateWarehouseInput) input: CreateWarehouseInput): Promise<WarehouseType> {
    return WarehouseType.from(await createWarehouse(ctx.em, requireCallerId(ctx.caller), input));
  }

  @Staff('catalog:write')
  @Mutation(() => WarehouseType, {
    description:
      "Staff (catalog:write): corrects a warehouse's name, priority, return address or whether the factory holds it (audited, WarehouseUpdated; the factory flag only while it holds no unit: POLICY_VIOLATION WAREHOUSE_HOLDS_STOCK).",
  })
  async updateWarehouse(
    @Ctx() ctx: CatalogContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateWarehouseInput) input: UpdateWarehouseInput,
  ): Promise<WarehouseType> {
    return WarehouseType.from(await updateWarehouse(ctx.em, requireCallerId(ctx.caller), requireUuid(id, 'id', 'warehouse'), { ...input }));
  }

  @Staff('catalog:write')
  @Mutation(() => WarehouseType, {
    description:
      'Staff (catalog:write): retires an empty warehouse (audited): listed and kept for its ledger, never received into or drawn from again. Refused while it holds units (POLICY_VIOLATION WAREHOUSE_HOLDS_STOCK); retiring it again changes nothing.',
  })
  async retireWarehouse(@Ctx() ctx: CatalogContext, @Arg('id', () => ID) id: string): Promise<WarehouseType> {
    return WarehouseType.from(await retireWarehouse(ctx.em, requireCallerId(ctx.caller), requireUuid(id, 'id', 'warehouse')));
  }
}
