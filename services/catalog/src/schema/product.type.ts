import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '@vitrine/platform';
import type { ProductStatus } from '@vitrine/contracts';
import { ProductStatusEnum } from './product-status.enum.js';
import type { ProductFacts } from '../store/product.entity.js';
import { descriptiveFieldsOf } from '../use-cases/product-fields.js';
import { AssemblyType, DownPaymentType, PackageDimensionsType, ProductPartType } from './product-details.type.js';

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

  @Field(() => Int, { nullable: true, description: 'At most this many units in one order (summed over its lines); null: no per-order limit.' })
  maxQuantityPerOrder!: number | null;

  @Field(() => Int, { nullable: true, description: 'At most this many units per customer across all their orders; null: no per-customer limit.' })
  maxQuantityPerCustomer!: number | null;

  @Field(() => String, { nullable: true, description: 'E.g. "Demon Slayer".' })
  series!: string | null;

  @Field(() => String, { nullable: true, description: 'The licensor, e.g. "Aniplex".' })
  licence!: string | null;

  @Field(() => String, { description: 'Empty when not written yet.' })
  description!: string;

  @Field(() => [String], { description: 'https URLs staff typed, or uploaded images (requestProductImageUpload), in display order; the first is the cover.' })
  images!: string[];

  @Field(() => String, { nullable: true, description: '"1/7", "Non-scale"...' })
  scale!: string | null;

  @Field(() => String, { nullable: true, description: 'E.g. "Polystone, PVC".' })
  material!: string | null;

  @Field(() => Int, { nullable: true, description: 'Package weight in grams (shipping cost depends on it).' })
  weightGrams!: number | null;

  @Field(() => PackageDimensionsType, { nullable: true })
  packageDimensions!: PackageDimensionsType | null;

  @Field(() => AssemblyType)
  assembly!: AssemblyType;

  @Field(() => [ProductPartType], { description: 'The parts after-sales claims refer to.' })
  parts!: ProductPartType[];

  @Field(() => DownPaymentType)
  downPayment!: DownPaymentType;

  @Field(() => Date)
  createdAt!: Date;

  /** Resolved to `studio` by ProductStudioResolver. */
  studioId!: string | null;

  static from(product: ProductFacts): ProductType {
    const details = descriptiveFieldsOf(product);
    return Object.assign(new ProductType(), {
      id: product.id,
      sku: product.sku,
      name: product.name,
      price: Money.of(product.priceAmount, product.priceCurrency),
      status: product.status,
      releaseEstimate: product.releaseEstimate ?? null,
      regionBlocks: [...product.regionBlocks],
      maxQuantityPerOrder: product.maxQuantityPerOrder ?? null,
      maxQuantityPerCustomer: product.maxQuantityPerCustomer ?? null,
      series: details.series,
      licence: details.licence,
      description: details.description,
      images: details.images,
      scale: details.scale,
      material: details.material,
      weightGrams: details.weightGrams,
      packageDimensions: details.packageDimensions && Object.assign(new PackageDimensionsType(), details.packageDimensions),
      assembly: Object.assign(new AssemblyType(), details.assembly),
      parts: details.parts.map((part) => Object.assign(new ProductPartType(), part)),
      downPayment: Object.assign(new DownPaymentType(), {
        required: details.downPayment.required,
        amount: details.downPayment.amount === null ? null : Money.of(details.downPayment.amount, product.priceCurrency),
      }),
      createdAt: product.createdAt,
      studioId: product.studioId ?? null,
    });
  }
}
