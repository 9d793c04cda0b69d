import { Field, ID, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '@vitrine/platform';
import { interestKinds, interestStates, type InterestKind, type InterestState } from '../domain/product-interest.js';
import type { ProductInterest } from '../store/product-interest.entity.js';
import type { WaitlistOffer } from '../store/waitlist-offer.entity.js';

export const ProductInterestKindEnum = graphqlEnum(interestKinds, {
  name: 'ProductInterestKind',
  valuesConfig: {
    NOTIFY: { description: 'Notify me once when it can be ordered.' },
    WAITLIST: { description: 'A place in the queue of a sold-out limited run: units that come back are offered to the oldest entry first.' },
  },
});

export const ProductInterestStateEnum = graphqlEnum(interestStates, {
  name: 'ProductInterestState',
  valuesConfig: {
    WAITING: { description: 'Active: waiting for the product.' },
    OFFERED: { description: 'Waitlist: units are held for you until the offer expires; order them to take them.' },
    NOTIFIED: { description: 'Notify me: you were told it can be ordered.' },
    FULFILLED: { description: 'Waitlist: your order took the units held for you.' },
    LAPSED: { description: 'Waitlist: the offer expired unused; the units went to the next customer.' },
    WITHDRAWN: { description: 'You withdrew it.' },
  },
});

@ObjectType('WaitlistOffer', { description: 'Units held for you from a sold-out run until expiresAt: order them (a preorder of this product) before then.' })
export class WaitlistOfferType {
  @Field(() => Int)
  quantity!: number;

  @Field(() => Date)
  offeredAt!: Date;

  @Field(() => Date)
  expiresAt!: Date;

  static from(offer: WaitlistOffer): WaitlistOfferType {
    return Object.assign(new WaitlistOfferType(), { quantity: offer.quantity, offeredAt: offer.offeredAt, expiresAt: offer.expiresAt });
  }
}

@ObjectType('ProductInterest', { description: 'Your "notify me" or waitlist entry for a product.' })
export class ProductInterestType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => ProductInterestKindEnum)
  kind!: InterestKind;

  @Field(() => Int, { description: 'Units waited for (1 for notify me).' })
  quantity!: number;

  @Field(() => ProductInterestStateEnum)
  state!: InterestState;

  @Field(() => Date)
  requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was notified, fulfilled, lapsed or withdrawn.' })
  settledAt!: Date | null;

  static from(interest: ProductInterest): ProductInterestType {
    return Object.assign(new ProductInterestType(), {
      id: interest.id,
      productId: interest.productId,
      kind: interest.kind,
      quantity: interest.quantity,
      state: interest.state,
      requestedAt: interest.requestedAt,
      settledAt: interest.settledAt ?? null,
    });
  }
}
