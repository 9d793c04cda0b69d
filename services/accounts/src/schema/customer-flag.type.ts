import { graphqlEnum } from '@vitrine/platform';
import { customerFlagKinds, type CustomerFlagKind } from '@vitrine/contracts';
import { Field, ID, ObjectType } from 'type-graphql';
import type { CustomerFlag } from '../store/customer-flag.entity.js';

export const CustomerFlagKindEnum = graphqlEnum(customerFlagKinds, {
  name: 'CustomerFlagKind',
  valuesConfig: {
    PREORDER_ABUSE: { description: 'Abused preorders; may later require a down payment or full payment on preorders.' },
    REFUSED_DELIVERY: { description: 'Refused deliveries or cancelled unilaterally.' },
    BLOCKED: { description: 'Service blocked: new orders are refused.' },
  },
});

@ObjectType('CustomerFlag', { description: 'A flag staff set on a customer, with why, who and when.' })
export class CustomerFlagType {
  @Field(() => CustomerFlagKindEnum)
  flag!: CustomerFlagKind;

  @Field(() => String)
  reason!: string;

  @Field(() => ID, { description: 'The staff member who set it.' })
  flaggedBy!: string;

  @Field(() => Date)
  flaggedAt!: Date;

  static from(flag: CustomerFlag): CustomerFlagType {
    return Object.assign(new CustomerFlagType(), { flag: flag.flag, reason: flag.reason, flaggedBy: flag.flaggedBy, flaggedAt: flag.flaggedAt });
  }
}
