import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '@vitrine/platform';
import { findPublishedPolicy } from '../use-cases/store-policies.js';
import { OrderType } from './order.type.js';
import { StorePolicyVersionType } from './store-policy.type.js';

@Resolver(() => OrderType)
export class OrderPolicyResolver {
  @FieldResolver(() => StorePolicyVersionType, { description: 'The policy version the order was placed under, with every rule that applies to it in words.' })
  async policy(@Root() order: OrderType, @Ctx() ctx: BaseContext): Promise<StorePolicyVersionType> {
    const { row, policy } = await findPublishedPolicy(ctx.em, order.policyVersion);
    return StorePolicyVersionType.from(row, policy);
  }
}
