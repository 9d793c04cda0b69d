import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Warehouse } from '../store/warehouse.entity.js';
import { WarehouseReturnAddressType } from './warehouse-address.type.js';

@ObjectType('Warehouse', { description: 'Staff (catalog:write): a place that holds units.' })
export class WarehouseType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Short code, e.g. FR-LYS.' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string;

  @Field(() => Boolean, { description: 'Stock held by the factory (CHINA_STOCK: no after-sales); in-stock sales use it last.' })
  heldByFactory!: boolean;

  @Field(() => Int, { description: 'Lower is drawn from first (within own and factory warehouses).' })
  allocationPriority!: number;

  @Field(() => Date, { nullable: true, description: 'When staff retired it: kept for its ledger, never received into or drawn from again. Null: in use.' })
  retiredAt!: Date | null;

  @Field(() => WarehouseReturnAddressType, {
    nullable: true,
    description: 'Where customers send items back to it (returns for preference, a claim resolved by a return). Null: none given yet.',
  })
  returnAddress!: WarehouseReturnAddressType | null;

  static from(w: Pick<Warehouse, 'id' | 'code' | 'name' | 'country' | 'heldByFactory' | 'allocationPriority' | 'retiredAt' | 'returnAddress'>): WarehouseType {
    return Object.assign(new WarehouseType(), {
      id: w.id,
      code: w.code,
      name: w.name,
      country: w.country,
      heldByFactory: w.heldByFactory,
      allocationPriority: w.allocationPriority,
      retiredAt: w.retiredAt ?? null,
      returnAddress: w.returnAddress
        ? Object.assign(new WarehouseReturnAddressType(), { ...w.returnAddress, line2: w.returnAddress.line2 ?? null, region: w.returnAddress.region ?? null })
        : null,
    });
  }
}
