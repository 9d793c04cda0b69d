import { ArrayMaxSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { MaxLength } from '@vitrine/platform';

@InputType('ParcelSizeInput')
export class ParcelSizeInput {
  @Field(() => Int) lengthMm!: number;
  @Field(() => Int) widthMm!: number;
  @Field(() => Int) heightMm!: number;
}

@InputType('ShippingZoneInput')
export class ShippingZoneInput {
  @Field(() => String) @MaxLength(20) code!: string;
  @Field(() => String) @MaxLength(80) name!: string;
  @Field(() => [String]) @ArrayMaxSize(250) @MaxLength(2) countries!: string[];
}

@InputType('WeightBracketInput')
export class WeightBracketInput {
  @Field(() => Int) upToGrams!: number;
  @Field(() => Int) amount!: number;
}

@InputType('ZoneRatesInput')
export class ZoneRatesInput {
  @Field(() => String) @MaxLength(20) zone!: string;
  @Field(() => [WeightBracketInput]) @ArrayMaxSize(40) @ValidateNested({ each: true }) brackets!: WeightBracketInput[];
  @Field(() => Int, { nullable: true }) perExtraKg?: number | null;
}

@InputType('ShippingSurchargeInput')
export class ShippingSurchargeInput {
  @Field(() => String) @MaxLength(40) code!: string;
  @Field(() => String) @MaxLength(80) label!: string;
  @Field(() => Int, { defaultValue: 0 }) flat!: number;
  @Field(() => Int, { defaultValue: 0 }) percentBps!: number;
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(50) @MaxLength(20) zones!: string[];
}

@InputType('ShippingMethodRatesInput')
export class ShippingMethodRatesInput {
  @Field(() => String) @MaxLength(40) code!: string;
  @Field(() => String) @MaxLength(80) label!: string;
  @Field(() => String) @MaxLength(16) origin!: string;
  @Field(() => Int) volumetricDivisor!: number;
  @Field(() => [ZoneRatesInput]) @ArrayMaxSize(50) @ValidateNested({ each: true }) rates!: ZoneRatesInput[];
  @Field(() => [ShippingSurchargeInput], { defaultValue: [] }) @ArrayMaxSize(10) @ValidateNested({ each: true }) surcharges!: ShippingSurchargeInput[];
}

@InputType('ReferenceItemInput')
export class ReferenceItemInput {
  @Field(() => Int) weightGrams!: number;
  @Field(() => ParcelSizeInput) @ValidateNested() dimensions!: ParcelSizeInput;
}

@InputType('RateTableInput', { description: 'A whole rate table; publishing it makes a new version.' })
export class RateTableInput {
  @Field(() => String) @Length(3, 3) @MaxLength(3) currency!: string;
  @Field(() => ReferenceItemInput) @ValidateNested() referenceItem!: ReferenceItemInput;
  @Field(() => [ShippingZoneInput]) @ArrayMaxSize(50) @ValidateNested({ each: true }) zones!: ShippingZoneInput[];
  @Field(() => [ShippingMethodRatesInput]) @ArrayMaxSize(30) @ValidateNested({ each: true }) methods!: ShippingMethodRatesInput[];
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) note?: string | null;
}
