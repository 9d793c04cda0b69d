import { Field, ID, InputType, Int } from 'type-graphql';
import type { ProductStatus } from '@vitrine/contracts';
import { ProductStatusEnum } from './product-status.enum.js';

@InputType('MoneyInput')
export class MoneyInput {
  @Field(() => Int)
  amount!: number;

  @Field(() => String)
  currency!: string;
}

@InputType('CreateProductInput')
export class CreateProductInput {
  @Field(() => String)
  sku!: string;

  @Field(() => String)
  name!: string;

  @Field(() => MoneyInput)
  price!: MoneyInput;

  @Field(() => Int, { nullable: true, description: 'Units already held, received at creation into warehouseId (none by default).' })
  stock?: number | null;

  @Field(() => ID, { nullable: true, description: 'Where stock is received; by default the first warehouse the status sells from (factory-held for CHINA_STOCK, our own otherwise).' })
  warehouseId?: string | null;

  @Field(() => Int, { nullable: true, description: 'PREORDER or ANNOUNCED only: a limited run, at most this many units preordered (open-ended by default).' })
  preorderLimit?: number | null;

  @Field(() => ProductStatusEnum, { nullable: true, description: 'ANNOUNCED, PREORDER, IN_STOCK (the default) or CHINA_STOCK.' })
  status?: ProductStatus | null;

  @Field(() => ID, { nullable: true, description: 'The studio that makes it (see studios).' })
  studioId?: string | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 countries where licensing forbids the sale (none by default).' })
  regionBlocks?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'At most this many units in one order (positive; no product limit by default).' })
  maxQuantityPerOrder?: number | null;
}
