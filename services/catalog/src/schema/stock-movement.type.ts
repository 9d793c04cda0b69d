import { graphqlEnum } from '@vitrine/platform';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { movementKinds, type MovementKind } from '../domain/stock-ledger.js';
import type { StockMovement } from '../store/stock-movement.entity.js';
import type { StockTransfer } from '../store/stock-transfer.entity.js';
import { StockTransferType } from './stock-transfer.type.js';

export const StockMovementKindEnum = graphqlEnum(movementKinds, {
  name: 'StockMovementKind',
  valuesConfig: {
    RECEIVED: { description: 'Units came in (on hand +).' },
    RESERVED: { description: 'Units held for an order (reserved +).' },
    RELEASED: { description: 'An order gave its units back (reserved -).' },
    SHIPPED: { description: 'Units left with an order (on hand and reserved -).' },
    ADJUSTED: { description: 'A count corrected by staff (on hand +/-).' },
    TRANSFERRED: { description: 'Units moved between warehouses by staff (on hand - at the source, + at the destination; see transfer).' },
  },
});

@ObjectType('StockMovement', { description: 'One line of the stock ledger: every counter change has one.' })
export class StockMovementType {
  @Field(() => ID, { description: 'Increasing: a later movement has a larger id.' })
  id!: string;

  @Field(() => ID, { nullable: true, description: "The warehouse; null: the product's preorder pool." })
  warehouseId!: string | null;

  @Field(() => StockMovementKindEnum)
  kind!: MovementKind;

  @Field(() => Int, { description: 'Signed effect on the counters (see kind).' })
  quantity!: number;

  @Field(() => ID, { nullable: true })
  orderId!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => ID, { nullable: true, description: 'Staff member (or the demo seed); null: catalog reacting to an order event.' })
  actorId!: string | null;

  @Field(() => StockTransferType, { nullable: true, description: 'TRANSFERRED: the move this row is half of (from where, to where); null otherwise.' })
  transfer!: StockTransferType | null;

  @Field(() => Date)
  at!: Date;

  static from(m: StockMovement, transfer: StockTransfer | null = null): StockMovementType {
    return Object.assign(new StockMovementType(), {
      id: String(m.id),
      warehouseId: m.warehouseId ?? null,
      kind: m.kind,
      quantity: m.quantity,
      orderId: m.orderId ?? null,
      reason: m.reason ?? null,
      actorId: m.actor ?? null,
      transfer: transfer && StockTransferType.from(transfer),
      at: m.at,
    });
  }
}
