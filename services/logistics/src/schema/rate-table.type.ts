import { Field, Int, ObjectType } from 'type-graphql';
import type { RateTable } from '../domain/rate-table.js';
import type { RateTableVersion } from '../store/rate-table-version.entity.js';

@ObjectType('ParcelSize', { description: 'Outer size in millimetres.' })
export class ParcelSize {
  @Field(() => Int) lengthMm!: number;
  @Field(() => Int) widthMm!: number;
  @Field(() => Int) heightMm!: number;
}

@ObjectType('ShippingZone', { description: 'Countries priced alike; no countries: the rest of the world.' })
export class ShippingZone {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes.' }) countries!: string[];
}

@ObjectType('WeightBracket')
export class WeightBracket {
  @Field(() => Int, { description: 'Chargeable weight up to and including this many grams.' }) upToGrams!: number;
  @Field(() => Int, { description: 'Minor units of the table currency.' }) amount!: number;
}

@ObjectType('ZoneRates')
export class ZoneRates {
  @Field(() => String) zone!: string;
  @Field(() => [WeightBracket]) brackets!: WeightBracket[];
  @Field(() => Int, { nullable: true, description: 'Each started kilogram above the last bracket; null: nothing heavier ships this way.' })
  perExtraKg!: number | null;
}

@ObjectType('ShippingSurcharge')
export class ShippingSurcharge {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => Int, { description: 'Flat, minor units.' }) flat!: number;
  @Field(() => Int, { description: 'Share of the bracket price, basis points (1000 = 10%).' }) percentBps!: number;
  @Field(() => [String], { description: 'Zones it applies to; empty: all.' }) zones!: string[];
}

@ObjectType('ShippingMethodRates', { description: 'A method from one origin warehouse.' })
export class ShippingMethodRates {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { description: "The origin warehouse's code (catalog)." }) origin!: string;
  @Field(() => Int, { description: 'cm³ per kg: volumetric grams = L x W x H in mm³ / divisor.' }) volumetricDivisor!: number;
  @Field(() => [ZoneRates]) rates!: ZoneRates[];
  @Field(() => [ShippingSurcharge]) surcharges!: ShippingSurcharge[];
}

@ObjectType('ReferenceItem', { description: 'The typical boxed item the per-item rates (checkout) are derived from.' })
export class ReferenceItem {
  @Field(() => Int) weightGrams!: number;
  @Field(() => ParcelSize) dimensions!: ParcelSize;
}

@ObjectType('RateTable', { description: 'A published version of the shipping rate table; never changed once published.' })
export class RateTableType {
  @Field(() => Int) version!: number;
  @Field(() => String) currency!: string;
  @Field(() => ReferenceItem) referenceItem!: ReferenceItem;
  @Field(() => [ShippingZone]) zones!: ShippingZone[];
  @Field(() => [ShippingMethodRates]) methods!: ShippingMethodRates[];
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date) publishedAt!: Date;

  static from(row: RateTableVersion): RateTableType {
    const doc: RateTable = row.document;
    return Object.assign(new RateTableType(), { ...doc, version: row.version, note: row.note ?? null, publishedAt: row.publishedAt });
  }
}
