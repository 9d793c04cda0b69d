import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { sandboxOffset, storeNow, type BaseContext } from '@vitrine/platform';
import { moveSandboxClock } from '../use-cases/sandbox-clock.js';
import { Staff } from '../identity.js';

@ObjectType('SandboxClock', { description: "The store's simulated clock (outside production): real time plus an offset that only grows." })
export class SandboxClockType {
  @Field(() => Date)
  now!: Date;

  @Field(() => Int, { description: 'Hours ahead of real time (rounded down).' })
  aheadHours!: number;

  static current(): SandboxClockType {
    return Object.assign(new SandboxClockType(), { now: storeNow(), aheadHours: Math.floor(sandboxOffset().offsetMs / 3_600_000) });
  }
}

@Resolver()
export class SandboxClockResolver {
  @Query(() => SandboxClockType, { description: "The store's clock: what the rules and deadlines run on." })
  sandboxClock(): SandboxClockType {
    return SandboxClockType.current();
  }

  @Staff('orders:manage')
  @Mutation(() => SandboxClockType, {
    description:
      "Staff (orders:manage): outside production, moves the store's clock forward by whole hours to rehearse the policy; every service's rules and deadlines follow. Refused in production.",
  })
  async advanceSandboxClock(@Ctx() ctx: BaseContext, @Arg('hours', () => Int) hours: number): Promise<SandboxClockType> {
    await moveSandboxClock(ctx.em, ctx.caller.id, hours, ctx.production);
    return SandboxClockType.current();
  }
}
