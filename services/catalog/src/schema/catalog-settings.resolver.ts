import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requireCallerId } from '@vitrine/platform';
import type { CatalogSetting } from '../store/catalog-setting.entity.js';
import { catalogSettings, setWaitlistOfferHours } from '../use-cases/catalog-settings.js';
import type { CatalogContext } from './catalog-context.js';
import { Staff } from '../identity.js';

@ObjectType('CatalogSettings', { description: "The store's catalog settings." })
export class CatalogSettingsType {
  @Field(() => Int, { description: 'How long units that come back to a sold-out run are held for the customer first on its waitlist.' })
  waitlistOfferHours!: number;

  static from(settings: CatalogSetting): CatalogSettingsType {
    return Object.assign(new CatalogSettingsType(), { waitlistOfferHours: settings.waitlistOfferHours });
  }
}

@Resolver(() => CatalogSettingsType)
export class CatalogSettingsResolver {
  @Query(() => CatalogSettingsType, { description: "The store's catalog settings (public: customers see how long a waitlist offer lasts)." })
  async catalogSettings(@Ctx() ctx: CatalogContext): Promise<CatalogSettingsType> {
    return CatalogSettingsType.from(await catalogSettings(ctx.em));
  }

  @Staff('catalog:write')
  @Mutation(() => CatalogSettingsType, {
    description: 'Staff (catalog:write): how long a waitlist offer holds units (1-720 hours); offers already made keep theirs.',
  })
  async setWaitlistOfferHours(@Ctx() ctx: CatalogContext, @Arg('hours', () => Int) hours: number): Promise<CatalogSettingsType> {
    return CatalogSettingsType.from(await setWaitlistOfferHours(ctx.em, requireCallerId(ctx.caller), hours));
  }
}
