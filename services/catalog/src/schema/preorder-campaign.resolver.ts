import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { PreorderCloseReason } from '@vitrine/contracts';
import { TextArg, requireCallerId, requireUuid } from '@vitrine/platform';
import { changePreorderTerms } from '../use-cases/change-preorder-terms.js';
import { closePreorderEarly } from '../use-cases/close-preorder-early.js';
import { openPreorderCampaign } from '../use-cases/open-preorder-campaign.js';
import type { CatalogContext } from './catalog-context.js';
import { ChangePreorderTermsInput, OpenPreorderInput, paymentPlanFrom } from './preorder-campaign.input.js';
import { PreorderCampaignType } from './preorder-campaign.type.js';
import { PreorderCloseReasonEnum } from './preorder-enums.js';
import { ProductType } from './product.type.js';
import { Staff } from '../identity.js';

@Resolver(() => ProductType)
export class PreorderCampaignResolver {
  @FieldResolver(() => PreorderCampaignType, { nullable: true, description: 'Its preorder window (scheduled, open or closed); null if it never had one.' })
  preorderCampaign(@Root() product: ProductType, @Ctx() ctx: CatalogContext): PreorderCampaignType | null | Promise<PreorderCampaignType | null> {
    return ctx.preorderCampaign.resolve(product.id, (campaign) => (campaign ? PreorderCampaignType.from(campaign) : null));
  }

  @Staff('catalog:write')
  @Mutation(() => PreorderCampaignType, {
    description: 'Staff (catalog:write): opens preorders now, or at opensAt (the product must be ANNOUNCED, or PREORDER_CLOSED to reopen).',
  })
  async openPreorderCampaign(
    @Ctx() ctx: CatalogContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('input', () => OpenPreorderInput) input: OpenPreorderInput,
  ): Promise<PreorderCampaignType> {
    const campaign = await openPreorderCampaign(ctx.em, requireCallerId(ctx.caller), {
      productId: requireUuid(productId, 'productId', 'product'),
      opensAt: input.opensAt ?? null,
      closesAt: input.closesAt ?? null,
      paymentPlan: paymentPlanFrom(input.paymentPlan) ?? null,
      limitedQuantity: input.limitedQuantity ?? null,
    });
    return PreorderCampaignType.from(campaign);
  }

  @Staff('catalog:write')
  @Mutation(() => PreorderCampaignType, {
    description: 'Staff (catalog:write): changes a scheduled or open window (dates, plan for later orders, size of a limited run).',
  })
  async changePreorderTerms(
    @Ctx() ctx: CatalogContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('input', () => ChangePreorderTermsInput) input: ChangePreorderTermsInput,
    @TextArg('reason', { maxLength: 1000 }) reason: string,
  ): Promise<PreorderCampaignType> {
    const campaign = await changePreorderTerms(ctx.em, requireCallerId(ctx.caller), {
      productId: requireUuid(productId, 'productId', 'product'),
      opensAt: input.opensAt ?? undefined,
      closesAt: input.closesAt,
      paymentPlan: paymentPlanFrom(input.paymentPlan),
      limitedQuantity: input.limitedQuantity,
      reason,
    });
    return PreorderCampaignType.from(campaign);
  }

  @Staff('catalog:write')
  @Mutation(() => PreorderCampaignType, {
    description:
      'Staff (catalog:write): closes preorders before their date (SOLD_OUT, MAKER_REQUEST or STORE_DECISION), or calls off a scheduled window. The note is shown to customers.',
  })
  async closePreorderEarly(
    @Ctx() ctx: CatalogContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('reason', () => PreorderCloseReasonEnum) reason: PreorderCloseReason,
    @TextArg('note', { maxLength: 1000 }) note: string,
  ): Promise<PreorderCampaignType> {
    const campaign = await closePreorderEarly(ctx.em, requireCallerId(ctx.caller), { productId: requireUuid(productId, 'productId', 'product'), reason, note });
    return PreorderCampaignType.from(campaign);
  }
}
