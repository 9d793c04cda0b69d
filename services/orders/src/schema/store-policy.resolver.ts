import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { MaxLength, type BaseContext } from '@vitrine/platform';
import { findPublishedPolicy, listPolicyVersions, publishStorePolicy } from '../use-cases/store-policies.js';
import { StorePolicyVersionType } from './store-policy.type.js';
import { Staff } from '../identity.js';

@InputType('PublishStorePolicyInput')
export class PublishStorePolicyInput {
  @Field(() => String, { nullable: true, description: 'One of the presets: deposit-store, statue-store, charge-at-ship, pay-on-arrival.' })
  @MaxLength(40)
  preset?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'A whole policy document (see @vitrine/policy), instead of a preset.' })
  document?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  @MaxLength(500)
  note?: string | null;
}

@Resolver()
export class StorePolicyResolver {
  @Query(() => StorePolicyVersionType, {
    description: "The store's policy: the version in force, or a given version (orders show the one they were placed under).",
  })
  async storePolicy(@Ctx() ctx: BaseContext, @Arg('version', () => Int, { nullable: true }) version: number | null): Promise<StorePolicyVersionType> {
    // An argument left out arrives as undefined, not null: both mean "the version in force".
    const { row, policy } = await findPublishedPolicy(ctx.em, version ?? null);
    return StorePolicyVersionType.from(row, policy);
  }

  @Staff('orders:manage')
  @Query(() => [StorePolicyVersionType], { description: 'Staff (orders:manage): every published version, newest first.' })
  async storePolicyVersions(@Ctx() ctx: BaseContext): Promise<StorePolicyVersionType[]> {
    return (await listPolicyVersions(ctx.em)).map(({ row, policy }) => StorePolicyVersionType.from(row, policy));
  }

  @Staff('orders:manage')
  @Mutation(() => StorePolicyVersionType, {
    description:
      'Staff (orders:manage): publishes a new store policy version from a preset or a document (validated; audited). New orders take it; placed orders keep theirs.',
  })
  async publishStorePolicy(
    @Ctx() ctx: BaseContext,
    @Arg('input', () => PublishStorePolicyInput) input: PublishStorePolicyInput,
  ): Promise<StorePolicyVersionType> {
    const row = await publishStorePolicy(ctx.em, { preset: input.preset, document: input.document, note: input.note, actor: ctx.caller.id });
    const { policy } = await findPublishedPolicy(ctx.em, row.version);
    return StorePolicyVersionType.from(row, policy);
  }
}
