import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { TextArg, requireCallerId, requireUuid } from '@vitrine/platform';
import type { ProductStatus } from '@vitrine/contracts';
import { allowedStatusMoves } from '../domain/product-status.js';
import { changeProductStatus } from '../use-cases/change-product-status.js';
import { changeReleaseDate } from '../use-cases/change-release-date.js';
import { setProductSaleRules } from '../use-cases/set-product-sale-rules.js';
import type { CatalogContext } from './catalog-context.js';
import { ProductStatusEnum } from './product-status.enum.js';
import { ProductType } from './product.type.js';
import { ReleaseDateChangeType } from './release-date-change.type.js';
import { Staff } from '../identity.js';

const reasonDescription = 'Why, for customers, other staff and the audit log (1-500 characters).';

@Resolver(() => ProductType)
export class ProductLifecycleResolver {
  @Staff('catalog:write')
  @Mutation(() => ProductType, {
    description: 'Staff (catalog:write): moves a product to another status. A move that is not allowed is a POLICY_VIOLATION (rule PRODUCT_STATUS_TRANSITION).',
  })
  async changeProductStatus(
    @Ctx() ctx: CatalogContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('status', () => ProductStatusEnum) status: ProductStatus,
    @TextArg('reason', { maxLength: 1000, description: reasonDescription }) reason: string,
  ): Promise<ProductType> {
    const id = requireUuid(productId, 'productId', 'product');
    return ProductType.from(await changeProductStatus(ctx.em, requireCallerId(ctx.caller), { productId: id, status, reason }));
  }

  @Staff('catalog:write')
  @Mutation(() => ProductType, {
    description: 'Staff (catalog:write): changes the estimated release date (YYYY-MM or YYYY-MM-DD) before release; kept in releaseDateHistory.',
  })
  async changeReleaseDate(
    @Ctx() ctx: CatalogContext,
    @Arg('productId', () => ID) productId: string,
    @TextArg('estimate', { maxLength: 32 }) estimate: string,
    @TextArg('reason', { maxLength: 1000, description: reasonDescription }) reason: string,
  ): Promise<ProductType> {
    const id = requireUuid(productId, 'productId', 'product');
    return ProductType.from(await changeReleaseDate(ctx.em, requireCallerId(ctx.caller), { productId: id, estimate, reason }));
  }

  @Staff('catalog:write')
  @Mutation(() => ProductType, {
    description:
      'Staff (catalog:write): replaces where the product may not be sold (ISO country codes), how many units one order may hold and how many one customer may hold across orders (null: no limit; omitted: the per-customer limit stays). Audited; orders applies the new rules to later orders.',
  })
  async setProductSaleRules(
    @Ctx() ctx: CatalogContext,
    @Arg('productId', () => ID) productId: string,
    @TextArg('regionBlocks', { maxLength: 8, list: { maxItems: 300 } }) regionBlocks: string[],
    @Arg('maxQuantityPerOrder', () => Int, { nullable: true }) maxQuantityPerOrder: number | null | undefined,
    @Arg('maxQuantityPerCustomer', () => Int, { nullable: true }) maxQuantityPerCustomer: number | null | undefined,
    @TextArg('reason', { maxLength: 1000, description: reasonDescription }) reason: string,
  ): Promise<ProductType> {
    const id = requireUuid(productId, 'productId', 'product');
    return ProductType.from(
      await setProductSaleRules(ctx.em, requireCallerId(ctx.caller), {
        productId: id,
        regionBlocks,
        maxQuantityPerOrder: maxQuantityPerOrder ?? null,
        maxQuantityPerCustomer,
        reason,
      }),
    );
  }

  @Staff('catalog:write')
  @FieldResolver(() => [ProductStatusEnum], {
    description:
      'Staff (catalog:write): the statuses changeProductStatus accepts from the current one, in lifecycle order (the same status table it enforces); empty when the status is final (DISCONTINUED).',
  })
  allowedStatusMoves(@Root() product: ProductType): ProductStatus[] {
    return allowedStatusMoves(product.status);
  }

  @FieldResolver(() => [ReleaseDateChangeType], { description: 'Every change of the estimated release date, oldest first.' })
  async releaseDateHistory(@Root() product: ProductType, @Ctx() ctx: CatalogContext): Promise<ReleaseDateChangeType[]> {
    return (await ctx.releaseDateHistory.load(product.id)).map(ReleaseDateChangeType.from);
  }
}
