import { MaxLength } from '@vitrine/platform';
import { Field, InputType, Int } from 'type-graphql';
import type { PartCategory } from '../domain/part-categories.js';
import type { AssemblyKind } from '../domain/product-details.js';
import { MoneyInput } from './money.input.js';
import { AssemblyKindEnum, PartCategoryEnum } from './product-details.enums.js';

@InputType('PackageDimensionsInput', { description: 'Package size in millimetres (positive whole numbers).' })
export class PackageDimensionsInput {
  @Field(() => Int)
  lengthMm!: number;

  @Field(() => Int)
  widthMm!: number;

  @Field(() => Int)
  heightMm!: number;
}

@InputType('AssemblyInput')
export class AssemblyInput {
  @Field(() => AssemblyKindEnum)
  kind!: AssemblyKind;

  @MaxLength(1000)
  @Field(() => String, { nullable: true, description: 'E.g. "Glue the wings to the back plate".' })
  note?: string | null;
}

@InputType('ProductPartInput')
export class ProductPartInput {
  @MaxLength(240)
  @Field(() => String)
  name!: string;

  @Field(() => PartCategoryEnum)
  category!: PartCategory;
}

@InputType('DownPaymentInput', {
  description: 'A non-refundable down payment at order: when required, an amount above zero, below the price, in its currency.',
})
export class DownPaymentInput {
  @Field(() => Boolean)
  required!: boolean;

  @Field(() => MoneyInput, { nullable: true })
  amount?: MoneyInput | null;
}
