import { MaxLength } from '@vitrine/platform';
import { IsOptional, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { WarehouseReturnAddressInput } from './warehouse-address.type.js';

@InputType('CreateWarehouseInput')
export class CreateWarehouseInput {
  @MaxLength(32)
  @Field(() => String, { description: '2-16 letters, digits or dashes, unique (e.g. CN-DG).' })
  code!: string;

  @MaxLength(240)
  @Field(() => String)
  name!: string;

  @MaxLength(8)
  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @Field(() => Boolean, { description: 'Factory-held stock (CHINA_STOCK).' })
  heldByFactory!: boolean;

  @Field(() => Int, { description: '0 (drawn from first) to 1000.' })
  allocationPriority!: number;

  @IsOptional()
  @ValidateNested()
  @Field(() => WarehouseReturnAddressInput, {
    nullable: true,
    description: 'Where customers send items back to it, in its country; may be given later with updateWarehouse.',
  })
  returnAddress?: WarehouseReturnAddressInput | null;
}
