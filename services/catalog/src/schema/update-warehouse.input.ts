import { MaxLength } from '@vitrine/platform';
import { IsOptional, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { WarehouseReturnAddressInput } from './warehouse-address.type.js';

@InputType('UpdateWarehouseInput', {
  description:
    'Fields to change; fields left out (or null) stay as they are. The code and country never change (rate tables and delivery deadlines use them): a warehouse elsewhere is a new one.',
})
export class UpdateWarehouseInput {
  @MaxLength(240)
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Factory-held stock (CHINA_STOCK); changes only while the warehouse holds no unit.' })
  heldByFactory?: boolean | null;

  @Field(() => Int, { nullable: true, description: '0 (drawn from first) to 1000.' })
  allocationPriority?: number | null;

  @IsOptional()
  @ValidateNested()
  @Field(() => WarehouseReturnAddressInput, {
    nullable: true,
    description: "Sets or corrects where customers send items back to it (the whole address; its country is the warehouse's). It cannot be removed.",
  })
  returnAddress?: WarehouseReturnAddressInput | null;
}
