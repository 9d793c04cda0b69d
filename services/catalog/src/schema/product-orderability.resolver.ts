import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { notOrderableReasons } from '@vitrine/contracts';
import type { CatalogContext } from './catalog-context.js';
import { ProductType } from './product.type.js';

/** For a signed-in customer: can this product be ordered where they live, and if not, why. Null when not signed in. */
@Resolver(() => ProductType)
export class ProductOrderabilityResolver {
  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Signed-in customers: whether it can be ordered in their country now (status and region blocks; orders checks again when the order is placed). Null when not signed in.',
  })
  async orderableInMyRegion(@Root() product: ProductType, @Ctx() ctx: CatalogContext): Promise<boolean | null> {
    if (ctx.caller.id === null) return null;
    return notOrderableReasons(product, await ctx.myCountry()).length === 0;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Signed-in customers: why it cannot be ordered in their country, for display; null when it can (or when not signed in).',
  })
  async notOrderableReason(@Root() product: ProductType, @Ctx() ctx: CatalogContext): Promise<string | null> {
    if (ctx.caller.id === null) return null;
    return notOrderableReasons(product, await ctx.myCountry())[0]?.message ?? null;
  }
}
