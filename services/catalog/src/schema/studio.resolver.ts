import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireCallerId, requireUuid } from '@vitrine/platform';
import { createStudio, listStudios } from '../use-cases/create-studio.js';
import { updateStudio } from '../use-cases/update-studio.js';
import type { CatalogContext } from './catalog-context.js';
import { CreateStudioInput } from './create-studio.input.js';
import { ProductType } from './product.type.js';
import { StudioType } from './studio.type.js';
import { UpdateStudioInput } from './update-studio.input.js';
import { Staff } from '../identity.js';

@Resolver(() => StudioType)
export class StudioResolver {
  @Query(() => [StudioType], { description: 'Every studio, by name.' })
  async studios(@Ctx() ctx: CatalogContext): Promise<StudioType[]> {
    return (await listStudios(ctx.em)).map(StudioType.from);
  }

  @Staff('catalog:write')
  @Mutation(() => StudioType, { description: 'Staff (catalog:write): adds a studio. Names are unique.' })
  async createStudio(@Ctx() ctx: CatalogContext, @Arg('input', () => CreateStudioInput) input: CreateStudioInput): Promise<StudioType> {
    return StudioType.from(await createStudio(ctx.em, requireCallerId(ctx.caller), input));
  }

  @Staff('catalog:write')
  @Mutation(() => StudioType, { description: "Staff (catalog:write): corrects a studio's name, country or contact (audited). Names stay unique." })
  async updateStudio(
    @Ctx() ctx: CatalogContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateStudioInput) input: UpdateStudioInput,
  ): Promise<StudioType> {
    return StudioType.from(await updateStudio(ctx.em, requireCallerId(ctx.caller), requireUuid(id, 'id', 'studio'), { ...input }));
  }
}

@Resolver(() => ProductType)
export class ProductStudioResolver {
  @FieldResolver(() => StudioType, { nullable: true, description: 'The studio that makes it, when known.' })
  async studio(@Root() product: ProductType, @Ctx() ctx: CatalogContext): Promise<StudioType | null> {
    if (!product.studioId) return null;
    const studio = await ctx.studioById.load(product.studioId);
    return studio ? StudioType.from(studio) : null;
  }
}
