import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { storeNow, type BaseContext } from '@vitrine/platform';
import { customerActions, type CustomerOrderAction } from '../domain/customer-actions.js';
import { policyVersion } from '../use-cases/store-policies.js';
import { CustomerOrderActionEnum } from './order-enums.js';
import { OrderType } from './order.type.js';

@Resolver(() => OrderType)
export class CustomerActionsResolver {
  // The rules customers' mutations enforce (domain/customer-actions.ts, under the order's own policy version), so a
  // storefront offers nothing they refuse. Whoever may read the order (its customer, staff) may read this.
  @FieldResolver(() => [CustomerOrderActionEnum], {
    description:
      "What the order's customer may do to it now (pay what is due, cancel, ask staff to cancel), in that order; empty once nothing is left to them. cancellationQuote gives the terms.",
  })
  async customerActions(@Root() order: OrderType, @Ctx() ctx: BaseContext): Promise<CustomerOrderAction[]> {
    return customerActions(order.customerActionFacts, await policyVersion(ctx.em, order.policyVersion), storeNow());
  }
}
