import { MaxLength } from '@vitrine/platform';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('TransferStockInput')
export class TransferStockInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => ID, { description: 'Where the units are now.' })
  fromWarehouseId!: string;

  @Field(() => ID, { description: 'Where they go: another warehouse in use.' })
  toWarehouseId!: string;

  @Field(() => Int, { description: 'Units to move: 1 up to the free units at the source (on hand less reserved).' })
  quantity!: number;

  @MaxLength(1000)
  @Field(() => String, { description: 'Why (kept in the ledger and the audit log), at most 500 characters.' })
  reason!: string;
}
