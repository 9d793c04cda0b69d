import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '@vitrine/platform';
import type { ProductStatus } from '@vitrine/contracts';
import { ProductStatusEnum } from './product-status.enum.js';
import type { ProductFacts } from '../store/product.entity.js';
import type { DescriptiveFields } from '../domain/product-update.js';
import { descriptiveFieldsOf } from '../use-cases/product-fields.js';
import { AssemblyType, DownPaymentType, PackageDimensionsType, ProductPartType } from './product-details.type.js';

@ObjectType('Product', { description: 'A figure or statue sold by the store.' })
@Directive('@key(fields: "id")')
export class ProductType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  sku: string;

  @Field(() => String)
  name: string;

  @Field(() => Money, { description: 'Unit price, tax included.' })
  price: Money;

  @Field(() => ProductStatusEnum)
  status: ProductStatus;

  @Field(() => String, { nullable: true, description: 'Estimated release: a month (YYYY-MM) or a day (YYYY-MM-DD); null until announced.' })
  releaseEstimate: string | null;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 countries where licensing forbids selling it (orders refuses them there).' })
  get regionBlocks(): string[] {
    return [...this.#product.regionBlocks];
  }

  @Field(() => Int, { nullable: true, description: 'At most this many units in one order (summed over its lines); null: no per-order limit.' })
  maxQuantityPerOrder: number | null;

  @Field(() => Int, { nullable: true, description: 'At most this many units per customer across all their orders; null: no per-customer limit.' })
  maxQuantityPerCustomer: number | null;

  @Field(() => String, { nullable: true, description: 'E.g. "Demon Slayer".' })
  get series(): string | null {
    return this.#details.series;
  }

  @Field(() => String, { nullable: true, description: 'The licensor, e.g. "Aniplex".' })
  get licence(): string | null {
    return this.#details.licence;
  }

  @Field(() => String, { description: 'Empty when not written yet.' })
  get description(): string {
    return this.#details.description;
  }

  @Field(() => [String], { description: 'https URLs staff typed, or uploaded images (requestProductImageUpload), in display order; the first is the cover.' })
  get images(): string[] {
    return this.#details.images;
  }

  @Field(() => String, { nullable: true, description: '"1/7", "Non-scale"...' })
  get scale(): string | null {
    return this.#details.scale;
  }

  @Field(() => String, { nullable: true, description: 'E.g. "Polystone, PVC".' })
  get material(): string | null {
    return this.#details.material;
  }

  @Field(() => Int, { nullable: true, description: 'Package weight in grams (shipping cost depends on it).' })
  get weightGrams(): number | null {
    return this.#details.weightGrams;
  }

  @Field(() => PackageDimensionsType, { nullable: true })
  get packageDimensions(): PackageDimensionsType | null {
    const dimensions = this.#details.packageDimensions;
    return dimensions && Object.assign(new PackageDimensionsType(), dimensions);
  }

  @Field(() => AssemblyType)
  get assembly(): AssemblyType {
    return Object.assign(new AssemblyType(), this.#details.assembly);
  }

  @Field(() => [ProductPartType], { description: 'The parts after-sales claims refer to.' })
  get parts(): ProductPartType[] {
    return this.#details.parts.map((part) => Object.assign(new ProductPartType(), part));
  }

  @Field(() => DownPaymentType)
  get downPayment(): DownPaymentType {
    const { required, amount } = this.#details.downPayment;
    return Object.assign(new DownPaymentType(), { required, amount: amount === null ? null : Money.of(amount, this.#product.priceCurrency) });
  }

  @Field(() => Date)
  createdAt: Date;

  /** Resolved to `studio` by ProductStudioResolver. */
  studioId: string | null;

  /**
   * The product as read. What a listing asks of each product is a few scalars; the descriptive fields (copies of its
   * lists, nested objects) are built from it only when a query asks for them.
   */
  readonly #product: ProductFacts;
  #described: DescriptiveFields | undefined;

  private constructor(product: ProductFacts) {
    this.#product = product;
    this.id = product.id;
    this.sku = product.sku;
    this.name = product.name;
    this.price = Money.of(product.priceAmount, product.priceCurrency);
    this.status = product.status;
    this.releaseEstimate = product.releaseEstimate ?? null;
    this.maxQuantityPerOrder = product.maxQuantityPerOrder ?? null;
    this.maxQuantityPerCustomer = product.maxQuantityPerCustomer ?? null;
    this.createdAt = product.createdAt;
    this.studioId = product.studioId ?? null;
  }

  get #details(): DescriptiveFields {
    return (this.#described ??= descriptiveFieldsOf(this.#product));
  }

  static from(product: ProductFacts): ProductType {
    return new ProductType(product);
  }
}
