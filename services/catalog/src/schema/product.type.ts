import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '@vitrine/platform';
import type { ProductStatus } from '@vitrine/contracts';
import { ProductStatusEnum } from './product-status.enum.js';
import type { Product } from '../store/product.entity.js';

@ObjectType('Product', { description: 'A figure or statue sold by the store.' })
@Directive('@key(fields: "id")')
export class ProductType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  sku!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Money, { description: 'Unit price, tax included.' })
  price!: Money;

  @Field(() => ProductStatusEnum)
  status!: ProductStatus;

  @Field(() => String, { nullable: true, description: 'Estimated release: a month (YYYY-MM) or a day (YYYY-MM-DD); null until announced.' })
  releaseEstimate!: string | null;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 countries where licensing forbids selling it (orders refuses them there).' })
  regionBlocks!: string[];

  @Field(() => Int, { nullable: true, description: 'At most this many units in one order (summed over its lines); null: no product limit.' })
  maxQuantityPerOrder!: number | null;

  @Field(() => Date)
  createdAt!: Date;

  /** Resolved to `studio` by ProductStudioResolver. */
  studioId!: string | null;

  static from(product: Product): ProductType {
    return Object.assign(new ProductType(), {
      id: product.id,
      sku: product.sku,
      name: product.name,
      price: Money.of(product.priceAmount, product.priceCurrency),
      status: product.status,
      releaseEstimate: product.releaseEstimate ?? null,
      regionBlocks: [...product.regionBlocks],
      maxQuantityPerOrder: product.maxQuantityPerOrder ?? null,
      createdAt: product.createdAt,
      studioId: product.studioId ?? null,
    });
  }
}
