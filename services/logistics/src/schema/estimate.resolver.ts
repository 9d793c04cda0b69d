import { ArrayMaxSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Args, ArgsType, Ctx, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { MaxLength, Money, type BaseContext } from '@vitrine/platform';
import { shippingEstimate, type Estimate } from '../use-cases/estimate.js';

@InputType('EstimateItemInput')
export class EstimateItemInput {
  @Field(() => ID) @MaxLength(36) productId!: string;
  @Field(() => Int) quantity!: number;
}

@ObjectType('ShippingSurchargeLine')
export class ShippingSurchargeLine {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => Money) amount!: Money;
}

@ObjectType('ShippingEstimate', {
  description:
    'Every unit packed into one parcel (boxes on their largest face, stacked: longest and widest box, heights added, weights added), priced by chargeable weight = max(actual, volumetric).',
})
export class ShippingEstimateType {
  @Field(() => Money) amount!: Money;
  @Field(() => String) method!: string;
  @Field(() => String, { description: 'The origin warehouse code the price is from.' }) origin!: string;
  @Field(() => String) zone!: string;
  @Field(() => Int) actualGrams!: number;
  @Field(() => Int) volumetricGrams!: number;
  @Field(() => Int) chargeableGrams!: number;
  @Field(() => Money, { description: 'The weight bracket price, before surcharges.' }) base!: Money;
  @Field(() => [ShippingSurchargeLine]) surcharges!: ShippingSurchargeLine[];
  @Field(() => Int) rateTableVersion!: number;

  static from(e: Estimate): ShippingEstimateType {
    const m = (amount: number) => Money.of(amount, e.currency);
    return Object.assign(new ShippingEstimateType(), {
      ...e,
      amount: m(e.amount),
      base: m(e.base),
      surcharges: e.surcharges.map((s) => Object.assign(new ShippingSurchargeLine(), { code: s.code, label: s.label, amount: m(s.amount) })),
    });
  }
}

@ArgsType()
export class EstimateArgs {
  @Field(() => [EstimateItemInput]) @ArrayMaxSize(50) @ValidateNested({ each: true }) items!: EstimateItemInput[];
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country.' }) @Length(2, 2) @MaxLength(2) destination!: string;
  @Field(() => String) @MaxLength(40) method!: string;
  @Field(() => String, { nullable: true, description: "A warehouse code; default: the method's first origin." })
  @IsOptional()
  @MaxLength(16)
  origin?: string | null;
}

@Resolver()
export class EstimateResolver {
  @Query(() => ShippingEstimateType, {
    description:
      'Public: the shipping estimate for a cart or a balance by the rate table in force. BAD_USER_INPUT with problems: UNKNOWN_PRODUCT, NOT_MEASURED, OUT_OF_RANGE, UNKNOWN_SHIPPING_METHOD, NOT_OFFERED_FROM_WAREHOUSE, NOT_SHIPPED_TO_COUNTRY, TOO_HEAVY.',
  })
  async shippingEstimate(@Ctx() ctx: BaseContext, @Args(() => EstimateArgs) args: EstimateArgs): Promise<ShippingEstimateType> {
    const { items, destination, method, origin } = args;
    return ShippingEstimateType.from(await shippingEstimate(ctx.em, { items, country: destination.toUpperCase(), method, origin: origin ?? null }));
  }
}
