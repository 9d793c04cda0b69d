import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requireCallerId, type BaseContext } from '@vitrine/platform';
import type { RateTable } from '../domain/rate-table.js';
import { Staff } from '../identity.js';
import { findRateTable, listRateTables, publishRateTable } from '../use-cases/rate-tables.js';
import { RateTableInput } from './rate-table.input.js';
import { RateTableType } from './rate-table.type.js';

@Resolver(() => RateTableType)
export class RateTableResolver {
  @Query(() => RateTableType, { description: 'Public: the rate table in force, or a given version. NOT_FOUND when none is published.' })
  async rateTable(@Ctx() ctx: BaseContext, @Arg('version', () => Int, { nullable: true }) version: number | null): Promise<RateTableType> {
    return RateTableType.from(await findRateTable(ctx.em, version ?? null));
  }

  @Staff('logistics:write')
  @Query(() => [RateTableType], { description: 'Staff (logistics:write): every published version, newest first.' })
  async rateTables(@Ctx() ctx: BaseContext): Promise<RateTableType[]> {
    return (await listRateTables(ctx.em)).map(RateTableType.from);
  }

  @Staff('logistics:write')
  @Mutation(() => RateTableType, {
    description:
      'Staff (logistics:write): publishes a new rate table version (audited, announced as ShippingRatesPublished). Every problem at once: BAD_USER_INPUT with paths.',
  })
  async publishRateTable(@Ctx() ctx: BaseContext, @Arg('input', () => RateTableInput) input: RateTableInput): Promise<RateTableType> {
    const actor = requireCallerId(ctx.caller);
    const { note, ...rest } = input;
    const table: RateTable = {
      ...rest,
      zones: rest.zones.map((z) => ({ ...z, countries: [...z.countries] })),
      methods: rest.methods.map((m) => ({ ...m, rates: m.rates.map((r) => ({ ...r, perExtraKg: r.perExtraKg ?? null })), surcharges: m.surcharges ?? [] })),
    };
    return RateTableType.from(await publishRateTable(ctx.em, actor, plain(table), note ?? null, { requireKnownOrigins: true }));
  }
}

/** class-validator instances to plain JSON (the stored document). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
