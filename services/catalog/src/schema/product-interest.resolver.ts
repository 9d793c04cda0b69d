import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireCallerId, requireUuid } from '@vitrine/platform';
import { listInterestsOf, offerOf, waitlistPosition } from '../use-cases/list-product-interests.js';
import { registerInterest, withdrawInterest } from '../use-cases/product-interests.js';
import type { CatalogContext } from './catalog-context.js';
import { ProductInterestType, WaitlistOfferType } from './product-interest.type.js';
import { ProductType } from './product.type.js';

/** Customers' "notify me" and waitlist entries. */
@Resolver(() => ProductInterestType)
export class ProductInterestResolver {
  @Authorized()
  @Mutation(() => ProductInterestType, {
    description:
      'Notify me once when this product can be ordered: a product not open for preorder yet, or sold out (POLICY_VIOLATION AVAILABLE_NOW if it can be ordered now, NOT_COMING_BACK if it will not be). Asking again returns the same entry.',
  })
  async notifyMe(@Ctx() ctx: CatalogContext, @Arg('productId', () => ID) productId: string): Promise<ProductInterestType> {
    const interest = await registerInterest(ctx.em, {
      customerId: requireCallerId(ctx.caller),
      productId: requireUuid(productId, 'productId', 'product'),
      kind: 'NOTIFY',
      quantity: 1,
    });
    return ProductInterestType.from(interest);
  }

  @Authorized()
  @Mutation(() => ProductInterestType, {
    description:
      "Joins a sold-out limited run's waitlist (POLICY_VIOLATION NOT_SOLD_OUT or AVAILABLE_NOW otherwise): units that come back are held for the oldest entry first, for the store's offer duration. Joining again returns the same entry.",
  })
  async joinWaitlist(
    @Ctx() ctx: CatalogContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('quantity', () => Int, { defaultValue: 1, description: "Units wanted: 1 up to the product's per-order and per-customer limits." }) quantity: number,
  ): Promise<ProductInterestType> {
    const interest = await registerInterest(ctx.em, {
      customerId: requireCallerId(ctx.caller),
      productId: requireUuid(productId, 'productId', 'product'),
      kind: 'WAITLIST',
      quantity,
    });
    return ProductInterestType.from(interest);
  }

  @Authorized()
  @Mutation(() => ProductInterestType, {
    description: 'Withdraws one of your entries; units held for it go to the next customer waiting. An entry already spent is returned as it is.',
  })
  async withdrawProductInterest(@Ctx() ctx: CatalogContext, @Arg('id', () => ID) id: string): Promise<ProductInterestType> {
    return ProductInterestType.from(await withdrawInterest(ctx.em, requireCallerId(ctx.caller), requireUuid(id, 'id', 'product interest')));
  }

  @Authorized()
  @Query(() => [ProductInterestType], { description: 'Your notify-me and waitlist entries, newest first (active ones only unless includeSettled).' })
  async myProductInterests(
    @Ctx() ctx: CatalogContext,
    @Arg('productId', () => ID, { nullable: true }) productId: string | null,
    @Arg('includeSettled', () => Boolean, { defaultValue: false }) includeSettled: boolean,
  ): Promise<ProductInterestType[]> {
    const interests = await listInterestsOf(ctx.em, requireCallerId(ctx.caller), {
      productId: productId == null ? null : requireUuid(productId, 'productId', 'product'),
      includeSettled,
    });
    return interests.map(ProductInterestType.from);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'A waiting waitlist entry: its place in the queue (1: next to be offered units).' })
  async position(@Root() interest: ProductInterestType, @Ctx() ctx: CatalogContext): Promise<number | null> {
    if (interest.kind !== 'WAITLIST' || interest.state !== 'WAITING') return null;
    return waitlistPosition(ctx.em, interest.id);
  }

  @FieldResolver(() => WaitlistOfferType, { nullable: true, description: 'OFFERED: the units held for you and until when.' })
  async offer(@Root() interest: ProductInterestType, @Ctx() ctx: CatalogContext): Promise<WaitlistOfferType | null> {
    if (interest.state !== 'OFFERED') return null;
    const offer = await offerOf(ctx.em, interest.id);
    return offer ? WaitlistOfferType.from(offer) : null;
  }

  @FieldResolver(() => ProductType, { nullable: true })
  async product(@Root() interest: ProductInterestType, @Ctx() ctx: CatalogContext): Promise<ProductType | null> {
    const product = await ctx.productById.load(interest.productId);
    return product ? ProductType.from(product) : null;
  }
}

/** How many customers wait for a sold-out run (public: the storefront shows the queue's length). */
@Resolver(() => ProductType)
export class ProductWaitlistResolver {
  @FieldResolver(() => Int, { description: 'Customers on its waitlist (waiting or holding an offer).' })
  async waitlistLength(@Root() product: ProductType, @Ctx() ctx: CatalogContext): Promise<number> {
    return ctx.waitlistLength.load(product.id);
  }
}
