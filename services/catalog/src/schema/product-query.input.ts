import { MaxLength, graphqlEnum } from '@vitrine/platform';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { ProductStatus } from '@vitrine/contracts';
import { productSorts } from '../use-cases/list-products.js';
import { ProductStatusEnum } from './product-status.enum.js';

export const ProductSortEnum = graphqlEnum(productSorts, {
  name: 'ProductSort',
  description: 'Order of a product listing; cursors are only valid for the sort (and filter) they were issued with.',
  valuesConfig: {
    NEWEST: { description: 'Most recently added first.' },
    OLDEST: { description: 'First added first (the default).' },
    PRICE_ASC: { description: 'Cheapest first.' },
    PRICE_DESC: { description: 'Most expensive first.' },
    NAME: { description: 'By name, A to Z.' },
  },
});

@InputType('ProductPriceRange', { description: 'Price bounds in minor units, both included.' })
export class ProductPriceRangeInput {
  @Field(() => Int, { nullable: true })
  min?: number | null;

  @Field(() => Int, { nullable: true })
  max?: number | null;
}

@InputType('ProductFilter', { description: 'Every condition given must hold.' })
export class ProductFilterInput {
  @Field(() => [ProductStatusEnum], { nullable: true, description: 'Any of these statuses.' })
  status?: ProductStatus[] | null;

  @Field(() => ID, { nullable: true })
  studioId?: string | null;

  @MaxLength(200)
  @Field(() => String, { nullable: true, description: "Case-insensitive text found in the name, the SKU, the series or the studio's name." })
  text?: string | null;

  @MaxLength(240)
  @Field(() => String, { nullable: true, description: 'The series, whole name, case-insensitive (e.g. "demon slayer").' })
  series?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Signed-in customers: true leaves out products licensing blocks in their country (anonymous callers get BAD_USER_INPUT SIGN_IN_REQUIRED). false or absent: no such filter.',
  })
  availableInMyRegion?: boolean | null;

  @Field(() => ProductPriceRangeInput, { nullable: true })
  priceRange?: ProductPriceRangeInput | null;

  @Field(() => Date, { nullable: true, description: 'Only products whose preorder window is open and closes by then ("closing soon").' })
  preorderClosingBefore?: Date | null;
}
