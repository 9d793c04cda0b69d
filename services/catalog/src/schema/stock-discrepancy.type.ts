import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { StockDiscrepancy } from '../domain/stock-ledger.js';

@ObjectType('StockDiscrepancy', { description: 'A place whose stored counters differ from what its stock ledger adds up to.' })
export class StockDiscrepancyType {
  @Field(() => ID)
  productId!: string;

  @Field(() => ID, { nullable: true, description: 'Null: the preorder pool.' })
  warehouseId!: string | null;

  @Field(() => Int)
  storedOnHand!: number;

  @Field(() => Int)
  ledgerOnHand!: number;

  @Field(() => Int)
  storedReserved!: number;

  @Field(() => Int)
  ledgerReserved!: number;

  static from(d: StockDiscrepancy): StockDiscrepancyType {
    return Object.assign(new StockDiscrepancyType(), {
      productId: d.productId,
      warehouseId: d.warehouseId,
      storedOnHand: d.stored.onHand,
      ledgerOnHand: d.ledger.onHand,
      storedReserved: d.stored.reserved,
      ledgerReserved: d.ledger.reserved,
    });
  }
}
