import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { TextArg, requireCallerId, requireUuid } from '@vitrine/platform';
import { changeProductPrice } from '../use-cases/change-product-price.js';
import { recordSpecChange } from '../use-cases/record-spec-change.js';
import { updateProduct } from '../use-cases/update-product.js';
import type { CatalogContext } from './catalog-context.js';
import { MoneyInput } from './money.input.js';
import { ProductType } from './product.type.js';
import { RecordSpecChangeInput } from './record-spec-change.input.js';
import { SpecChangeType } from './spec-change.type.js';
import { UpdateProductInput } from './update-product.input.js';
import { Staff } from '../identity.js';

@Resolver(() => ProductType)
export class ProductDetailsResolver {
  @Staff('catalog:write')
  @Mutation(() => ProductType, {
    description:
      'Staff (catalog:write): changes the descriptive fields given (audited). Before release, changing a spec field (scale, material, weight, package, assembly, parts) is also recorded as a spec change customers are told about, so it needs a reason.',
  })
  async updateProduct(
    @Ctx() ctx: CatalogContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateProductInput) input: UpdateProductInput,
    @TextArg('reason', { maxLength: 1000, nullable: true }) reason?: string | null,
  ): Promise<ProductType> {
    const productId = requireUuid(id, 'id', 'product');
    return ProductType.from(await updateProduct(ctx.em, requireCallerId(ctx.caller), { productId, input: { ...input }, reason }));
  }

  @Staff('catalog:write')
  @Mutation(() => ProductType, {
    description:
      'Staff (catalog:write): changes the price (tax included; same currency, above any down payment). Announced as PriceChanged; orders already placed keep their price.',
  })
  async changeProductPrice(
    @Ctx() ctx: CatalogContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('price', () => MoneyInput) price: MoneyInput,
    @TextArg('reason', { maxLength: 1000 }) reason: string,
  ): Promise<ProductType> {
    const id = requireUuid(productId, 'productId', 'product');
    return ProductType.from(
      await changeProductPrice(ctx.em, requireCallerId(ctx.caller), { productId: id, price: { amount: price.amount, currency: price.currency }, reason }),
    );
  }

  @Staff('catalog:write')
  @Mutation(() => ProductType, {
    description:
      'Staff (catalog:write): records a spec change before release (POLICY_VIOLATION SPEC_FIXED after). Kept in specChanges and announced as SpecChanged.',
  })
  async recordSpecChange(
    @Ctx() ctx: CatalogContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('input', () => RecordSpecChangeInput) input: RecordSpecChangeInput,
  ): Promise<ProductType> {
    const id = requireUuid(productId, 'productId', 'product');
    return ProductType.from(await recordSpecChange(ctx.em, requireCallerId(ctx.caller), { productId: id, ...input }));
  }

  @FieldResolver(() => [SpecChangeType], { description: 'Every spec change recorded before release, oldest first.' })
  async specChanges(@Root() product: ProductType, @Ctx() ctx: CatalogContext): Promise<SpecChangeType[]> {
    return (await ctx.specHistory.load(product.id)).map(SpecChangeType.from);
  }
}
