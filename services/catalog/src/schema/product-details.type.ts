import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '@vitrine/platform';
import type { PartCategory } from '../domain/part-categories.js';
import type { AssemblyKind } from '../domain/product-details.js';
import { AssemblyKindEnum, PartCategoryEnum } from './product-details.enums.js';

@ObjectType('PackageDimensions', { description: 'Package size in millimetres.' })
export class PackageDimensionsType {
  @Field(() => Int)
  lengthMm!: number;

  @Field(() => Int)
  widthMm!: number;

  @Field(() => Int)
  heightMm!: number;
}

@ObjectType('Assembly')
export class AssemblyType {
  @Field(() => AssemblyKindEnum)
  kind!: AssemblyKind;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType('ProductPart', { description: 'One part of the product, as after-sales claims refer to it.' })
export class ProductPartType {
  @Field(() => String)
  name!: string;

  @Field(() => PartCategoryEnum)
  category!: PartCategory;
}

@ObjectType('DownPayment', { description: 'A non-refundable down payment some products require at order.' })
export class DownPaymentType {
  @Field(() => Boolean)
  required!: boolean;

  @Field(() => Money, { nullable: true, description: "In the product's currency; null when none is required." })
  amount!: Money | null;
}
