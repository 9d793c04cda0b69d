import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { BadUserInput, PageInfo, TextArg, requireCallerId, requireUuid } from '@vitrine/platform';
import type { NewProductInput } from '../domain/new-product.js';
import { createProduct } from '../use-cases/create-product.js';
import { findProductBySku, type ProductSort } from '../use-cases/list-products.js';
import { listSeriesNames } from '../use-cases/list-series.js';
import type { CatalogContext } from './catalog-context.js';
import { CreateProductInput } from './create-product.input.js';
import { ProductConnection } from './product-connection.type.js';
import { ProductFilterInput, ProductSortEnum } from './product-query.input.js';
import { readListing } from './read-listing.js';
import { ProductType } from './product.type.js';
import { Staff } from '../identity.js';

@Resolver(() => ProductType)
export class ProductResolver {
  @Query(() => ProductConnection, {
    description: 'Products matching the filter (all by default), oldest first unless sorted otherwise, as a Relay-style connection.',
  })
  async products(
    @Ctx() ctx: CatalogContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ProductFilterInput, { nullable: true }) filter?: ProductFilterInput,
    @Arg('sort', () => ProductSortEnum, { nullable: true, defaultValue: 'OLDEST' }) sort?: ProductSort,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @TextArg('after', { maxLength: 512, nullable: true }) after?: string,
  ): Promise<ProductConnection> {
    const myCountry = ctx.caller.id === null ? undefined : ctx.myCountry;
    const page = await readListing(ctx, info, { filter, sort, first, after, myCountry });
    return {
      edges: page.items.map((i) => ({ cursor: i.cursor, node: ProductType.from(i.product) })),
      pageInfo: Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, endCursor: page.items.at(-1)?.cursor ?? null }),
      countTotal: page.countTotal,
    };
  }

  @Query(() => [String], {
    description:
      'Every series a product belongs to, once each (products(filter: { series }) compares whole names case-insensitively), alphabetically; at most 500: the choices of a series filter.',
  })
  async seriesNames(@Ctx() ctx: CatalogContext): Promise<string[]> {
    return listSeriesNames(ctx.em);
  }

  @Query(() => ProductType, {
    nullable: true,
    description: 'The product with this id, or with this SKU (exact match); give exactly one. Null when there is none.',
  })
  async product(
    @Ctx() ctx: CatalogContext,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @TextArg('sku', { maxLength: 64, nullable: true }) sku?: string | null,
  ): Promise<ProductType | null> {
    const key = productKey(id, sku);
    const product = key.by === 'id' ? await ctx.productById.load(requireUuid(key.value, 'id', 'product')) : await findProductBySku(ctx.em, key.value);
    return product ? ProductType.from(product) : null;
  }

  @Staff('catalog:write')
  @Mutation(() => ProductType, { description: 'Staff (catalog:write): adds a product to the catalog (audited, announced as ProductPublished).' })
  async createProduct(@Ctx() ctx: CatalogContext, @Arg('input', () => CreateProductInput) input: CreateProductInput): Promise<ProductType> {
    const { series, licence, description, images, scale, material, weightGrams, packageDimensions, assembly, parts, downPayment } = input;
    const product = await createProduct(
      ctx.em,
      {
        ...{ series, licence, description, images, scale, material, weightGrams, packageDimensions, assembly, parts, downPayment },
        sku: input.sku,
        name: input.name,
        priceAmount: input.price.amount,
        priceCurrency: input.price.currency,
        stock: input.stock ?? undefined,
        warehouseId: input.warehouseId ?? undefined,
        ...limitedQuantityOf(input),
        status: input.status ?? undefined,
        studioId: input.studioId ?? undefined,
        regionBlocks: input.regionBlocks ?? undefined,
        maxQuantityPerOrder: input.maxQuantityPerOrder ?? null,
        maxQuantityPerCustomer: input.maxQuantityPerCustomer ?? null,
      },
      requireCallerId(ctx.caller),
    );
    return ProductType.from(product);
  }
}

/** CreateProductInput's limited quantity, from limitedQuantity or the deprecated preorderLimit (one of the two), with the field it came from. */
function limitedQuantityOf(input: CreateProductInput): Pick<NewProductInput, 'limitedQuantity' | 'limitedQuantityField'> {
  const given = (value: number | null | undefined) => value !== undefined && value !== null;
  if (given(input.limitedQuantity) && given(input.preorderLimit)) {
    throw new BadUserInput('Give the limited quantity once.', [
      { field: 'preorderLimit', reason: 'ONE_OF', message: 'preorderLimit is the former name of limitedQuantity: send limitedQuantity only.' },
    ]);
  }
  if (given(input.preorderLimit)) return { limitedQuantity: input.preorderLimit, limitedQuantityField: 'preorderLimit' };
  return { limitedQuantity: input.limitedQuantity ?? null };
}

/** product(id | sku): exactly one of the two. */
function productKey(id: string | null | undefined, sku: string | null | undefined): { by: 'id' | 'sku'; value: string } {
  const hasId = id !== undefined && id !== null;
  const hasSku = sku !== undefined && sku !== null;
  if (hasId === hasSku) {
    const problem = hasId
      ? { field: 'sku', reason: 'ONE_OF', message: 'Ask for a product by id or by SKU, not both.' }
      : { field: 'id', reason: 'REQUIRED', message: 'Ask for a product by id or by SKU.' };
    throw new BadUserInput('Give a product id or a SKU.', [problem]);
  }
  return hasId ? { by: 'id', value: id } : { by: 'sku', value: sku! };
}
