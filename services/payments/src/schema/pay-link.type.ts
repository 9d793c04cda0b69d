import { Field, ObjectType } from 'type-graphql';

@ObjectType('PayLink', { description: 'A signed, expiring link to payments’ hosted pay-now page.' })
export class PayLinkType {
  @Field(() => String, { description: 'Open it in the browser: the page lists what is due and takes the card.' })
  url!: string;

  @Field(() => Date, { description: 'After this the link no longer works (ask for a fresh one).' })
  expiresAt!: Date;
}
