import { Field, ID, ObjectType } from 'type-graphql';
import { graphqlEnum } from '@vitrine/platform';
import { sendToUnknownReasons, type ReturnDestination } from '../domain/return-destination.js';

@ObjectType('ReturnAddress', {
  description: "Where to send an item back: the return address of the warehouse the order's parcel left from (catalog's staff keep it).",
})
export class ReturnAddressType {
  @Field(() => String, { description: 'The recipient to write on the parcel.' })
  name!: string;

  @Field(() => String)
  line1!: string;

  @Field(() => String, { nullable: true })
  line2!: string | null;

  @Field(() => String)
  postalCode!: string;

  @Field(() => String)
  city!: string;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @Field(() => ID, { description: 'The warehouse it goes back to.' })
  warehouseId!: string;

  @Field(() => String, { description: "The warehouse's code, e.g. FR-LYS." })
  warehouseCode!: string;

  static from(destination: ReturnDestination): ReturnAddressType | null {
    if (!destination.sendTo) return null;
    const a = destination.sendTo;
    return Object.assign(new ReturnAddressType(), { ...a, line2: a.line2 ?? null, region: a.region ?? null });
  }
}

export const SendToUnknownEnum = graphqlEnum(sendToUnknownReasons, {
  name: 'SendToUnknownReason',
  description: 'Why after-sales cannot say yet where the item goes back (sendTo is null).',
  valuesConfig: {
    PARCEL_UNKNOWN: { description: "Logistics has not said which warehouse the order's parcel left from." },
    WAREHOUSE_UNKNOWN: { description: 'Catalog has not told after-sales of that warehouse yet.' },
    NO_RETURN_ADDRESS: { description: 'That warehouse has no return address yet (staff add it): ask the store.' },
    NOT_A_RETURN: { description: 'A claim whose customer did not choose to send the item back.' },
  },
});
