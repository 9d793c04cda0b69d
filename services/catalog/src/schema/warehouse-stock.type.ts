import { Field, Int, ObjectType } from 'type-graphql';
import type { WarehouseLevelRow } from '../use-cases/stock-counters.js';
import { WarehouseType } from './warehouse.type.js';

@ObjectType('WarehouseStock', { description: "A product's units in one warehouse." })
export class WarehouseStockType {
  @Field(() => WarehouseType)
  warehouse!: WarehouseType;

  @Field(() => Int, { description: 'Units physically there, reserved ones included.' })
  onHand!: number;

  @Field(() => Int, { description: 'Units held for orders not shipped yet.' })
  reserved!: number;

  @Field(() => Int, { description: 'onHand - reserved.' })
  available!: number;

  static from(level: WarehouseLevelRow): WarehouseStockType {
    const warehouse = WarehouseType.from({ id: level.warehouseId, ...level });
    return Object.assign(new WarehouseStockType(), { warehouse, onHand: level.onHand, reserved: level.reserved, available: level.onHand - level.reserved });
  }
}
