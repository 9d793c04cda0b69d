import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireCallerId, requireUuid } from '@vitrine/platform';
import { createStudio, listStudios } from '../use-cases/create-studio.js';
import { findStudio, removeStudio } from '../use-cases/remove-studio.js';
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

  @Query(() => StudioType, { nullable: true, description: 'One studio; null when none has this id.' })
  async studio(@Ctx() ctx: CatalogContext, @Arg('id', () => ID) id: string): Promise<StudioType | null> {
    const studio = await findStudio(ctx.em, requireUuid(id, 'id', 'studio'));
    return studio ? StudioType.from(studio) : null;
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

  @Staff('catalog:write')
  @Mutation(() => StudioType, {
    description:
      'Staff (catalog:write): removes a studio no product names (audited, with its last values); returns it as it was. Refused while products name it (POLICY_VIOLATION STUDIO_HAS_PRODUCTS).',
  })
  async removeStudio(@Ctx() ctx: CatalogContext, @Arg('id', () => ID) id: string): Promise<StudioType> {
    return StudioType.from(await removeStudio(ctx.em, requireCallerId(ctx.caller), requireUuid(id, 'id', 'studio')));
  }
}

@Resolver(() => ProductType)
export class ProductStudioResolver {
  @FieldResolver(() => StudioType, { nullable: true, description: 'The studio that makes it, when known.' })
  studio(@Root() product: ProductType, @Ctx() ctx: CatalogContext): StudioType | null | Promise<StudioType | null> {
    if (!product.studioId) return null;
    return ctx.studioById.resolve(product.studioId, (studio) => (studio ? StudioType.from(studio) : null));
  }
}
