import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { requireCallerId, TextArg } from '@vitrine/platform';
import { maxReturnUrlLength } from '../domain/return-address.js';
import { issuePayLink } from '../use-cases/pay-link.js';
import { PayLinkType } from './pay-link.type.js';
import type { PaymentsContext } from './payments-context.js';

@Resolver(() => PayLinkType)
export class PayLinkResolver {
  @Authorized()
  @Mutation(() => PayLinkType, {
    description:
      'Signed-in customer: a link to the hosted pay-now page for what your orders owe now (one order, or several orders’ balances paid there in one charge, as pay would). The same refusals as pay (NOT_FOUND, ALREADY_PAID, MIXED_CURRENCIES, BULK_PAYMENT_PURPOSE...); nothing is charged until the page is submitted, and the page charges once however often the link is opened. returnUrl: where "Back to the store" leads (an address of the store only: another one is BAD_USER_INPUT RETURN_URL_NOT_ALLOWED). locale: the page’s language (en, fr; English otherwise).',
  })
  async payLink(
    @Ctx() ctx: PaymentsContext,
    @Arg('orderIds', () => [ID]) orderIds: string[],
    @TextArg('returnUrl', { maxLength: maxReturnUrlLength, nullable: true }) returnUrl: string | null,
    @TextArg('locale', { maxLength: 35, nullable: true }) locale: string | null,
  ): Promise<PayLinkType> {
    const link = await issuePayLink(ctx.em, ctx.runtime, {
      customerId: requireCallerId(ctx.caller),
      orderIds,
      returnUrl: returnUrl ?? null,
      locale: locale ?? null,
    });
    return Object.assign(new PayLinkType(), link);
  }
}
