import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { ProductStatus } from '@vitrine/contracts';
import { productSorts, type ProductSort } from '../use-cases/list-products.js';
import { ProductStatusEnum } from './product-status.enum.js';

export const ProductSortEnum = Object.fromEntries(productSorts.map((s) => [s, s])) as Record<ProductSort, ProductSort>;
registerEnumType(ProductSortEnum, {
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

  @Field(() => String, { nullable: true, description: 'Case-insensitive text found in the name or the SKU.' })
  text?: string | null;

  @Field(() => ProductPriceRangeInput, { nullable: true })
  priceRange?: ProductPriceRangeInput | null;
}
