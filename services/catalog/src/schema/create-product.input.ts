import { MaxLength } from '@vitrine/platform';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { ProductStatus } from '@vitrine/contracts';
import { MoneyInput } from './money.input.js';
import { AssemblyInput, DownPaymentInput, PackageDimensionsInput, ProductPartInput } from './product-details.input.js';
import { ProductStatusEnum } from './product-status.enum.js';

@InputType('CreateProductInput')
export class CreateProductInput {
  @MaxLength(64)
  @Field(() => String)
  sku!: string;

  @MaxLength(400)
  @Field(() => String)
  name!: string;

  @Field(() => MoneyInput)
  price!: MoneyInput;

  @Field(() => Int, { nullable: true, description: 'Units already held, received at creation into warehouseId (none by default).' })
  stock?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Where stock is received; by default the first warehouse the status sells from (factory-held for CHINA_STOCK, our own otherwise).',
  })
  warehouseId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'PREORDER or ANNOUNCED only: the units of a limited run, at most this many units preordered (open-ended by default).',
  })
  limitedQuantity?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The same as limitedQuantity, under its former name (send one of the two).',
    deprecationReason: 'Use limitedQuantity.',
  })
  preorderLimit?: number | null;

  @Field(() => ProductStatusEnum, { nullable: true, description: 'ANNOUNCED, PREORDER, IN_STOCK (the default) or CHINA_STOCK.' })
  status?: ProductStatus | null;

  @Field(() => ID, { nullable: true, description: 'The studio that makes it (see studios).' })
  studioId?: string | null;

  @MaxLength(8)
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 countries where licensing forbids the sale (none by default).' })
  regionBlocks?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'At most this many units in one order (positive; no per-order limit by default).' })
  maxQuantityPerOrder?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'At most this many units per customer across their orders (a limited run one buyer cannot sweep; none by default).',
  })
  maxQuantityPerCustomer?: number | null;

  @MaxLength(240)
  @Field(() => String, { nullable: true, description: 'E.g. "Demon Slayer".' })
  series?: string | null;

  @MaxLength(240)
  @Field(() => String, { nullable: true, description: 'The licensor, e.g. "Aniplex".' })
  licence?: string | null;

  @MaxLength(20000)
  @Field(() => String, { nullable: true })
  description?: string | null;

  @MaxLength(2048)
  @Field(() => [String], { nullable: true, description: 'https URLs in display order (the first is the cover).' })
  images?: string[] | null;

  @MaxLength(32)
  @Field(() => String, { nullable: true, description: '"1/7" (1/1 to 1/999) or "Non-scale".' })
  scale?: string | null;

  @MaxLength(400)
  @Field(() => String, { nullable: true, description: 'E.g. "Polystone, PVC".' })
  material?: string | null;

  @Field(() => Int, { nullable: true, description: 'Package weight in grams.' })
  weightGrams?: number | null;

  @Field(() => PackageDimensionsInput, { nullable: true })
  packageDimensions?: PackageDimensionsInput | null;

  @Field(() => AssemblyInput, { nullable: true, description: 'NONE by default.' })
  assembly?: AssemblyInput | null;

  @Field(() => [ProductPartInput], { nullable: true, description: 'Parts, for after-sales (none by default).' })
  parts?: ProductPartInput[] | null;

  @Field(() => DownPaymentInput, { nullable: true, description: 'None required by default.' })
  downPayment?: DownPaymentInput | null;
}
