import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { StockTransfer } from '../store/stock-transfer.entity.js';

@ObjectType('StockTransfer', { description: 'Staff (catalog:write): free units of a product moved from one warehouse to another, as one movement.' })
export class StockTransferType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => ID, { description: 'Where the units were.' })
  fromWarehouseId!: string;

  @Field(() => ID, { description: 'Where they are now.' })
  toWarehouseId!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => String)
  reason!: string;

  @Field(() => ID, { nullable: true, description: 'Staff member (or the demo seed).' })
  actorId!: string | null;

  @Field(() => Date)
  at!: Date;

  static from(t: StockTransfer): StockTransferType {
    return Object.assign(new StockTransferType(), {
      id: t.id,
      productId: t.productId,
      fromWarehouseId: t.fromWarehouseId,
      toWarehouseId: t.toWarehouseId,
      quantity: t.quantity,
      reason: t.reason,
      actorId: t.actor ?? null,
      at: t.at,
    });
  }
}
