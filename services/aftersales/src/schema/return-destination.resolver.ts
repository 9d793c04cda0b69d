import type { ClaimResolutionKind, ReturnPostagePayer } from '@vitrine/contracts';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { claimReturnPostage, parcelReference, type SendToUnknownReason } from '../domain/return-destination.js';
import type { AftersalesContext } from './aftersales-context.js';
import { ReturnPostageEnum } from './claim-enums.js';
import { ClaimType } from './claim.type.js';
import { ReturnAddressType, SendToUnknownEnum } from './return-address.type.js';
import { PreferenceReturnType } from './return.type.js';

/** Where a return for preference goes back, and what to write on its parcel. */
@Resolver(() => PreferenceReturnType)
export class ReturnSendToResolver {
  @FieldResolver(() => ReturnAddressType, {
    nullable: true,
    description: "Where to send the item: the return address of the warehouse the order's parcel left from. Null while unknown (sendToUnknown says why).",
  })
  async sendTo(@Ctx() ctx: AftersalesContext, @Root() r: PreferenceReturnType): Promise<ReturnAddressType | null> {
    return ReturnAddressType.from(await ctx.returnDestinationByOrder.load(r.orderId));
  }

  @FieldResolver(() => SendToUnknownEnum, { nullable: true, description: 'Why sendTo is null; null once it is known.' })
  async sendToUnknown(@Ctx() ctx: AftersalesContext, @Root() r: PreferenceReturnType): Promise<SendToUnknownReason | null> {
    return (await ctx.returnDestinationByOrder.load(r.orderId)).unknown;
  }

  @FieldResolver(() => String, { description: 'What to write on the parcel so the warehouse knows what came back (RET- and 12 characters of the id).' })
  parcelReference(@Root() r: PreferenceReturnType): string {
    return parcelReference('RETURN', r.id);
  }
}

/** A claim the customer chose to resolve by sending the item back: where it goes and what to write on the parcel. */
@Resolver(() => ClaimType)
export class ClaimSendToResolver {
  @FieldResolver(() => ReturnAddressType, {
    nullable: true,
    description:
      "RETURN chosen: where to send the item, the return address of the warehouse the order's parcel left from. Null otherwise or while unknown (sendToUnknown says why).",
  })
  async sendTo(@Ctx() ctx: AftersalesContext, @Root() claim: ClaimType): Promise<ReturnAddressType | null> {
    if (!goesBack(claim)) return null;
    return ReturnAddressType.from(await ctx.returnDestinationByOrder.load(claim.orderId));
  }

  @FieldResolver(() => SendToUnknownEnum, {
    nullable: true,
    description: 'Why sendTo is null (NOT_A_RETURN unless the customer chose RETURN); null once known.',
  })
  async sendToUnknown(@Ctx() ctx: AftersalesContext, @Root() claim: ClaimType): Promise<SendToUnknownReason | null> {
    if (!goesBack(claim)) return 'NOT_A_RETURN';
    return (await ctx.returnDestinationByOrder.load(claim.orderId)).unknown;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'RETURN chosen: what to write on the parcel (CLM- and 12 characters of the id). Null otherwise.',
  })
  parcelReference(@Root() claim: ClaimType): string | null {
    return goesBack(claim) ? parcelReference('CLAIM', claim.id) : null;
  }

  @FieldResolver(() => ReturnPostageEnum, {
    nullable: true,
    description: 'RETURN chosen: who pays the postage back (the offer the customer chose). Null otherwise.',
  })
  returnPostage(@Root() claim: ClaimType): ReturnPostagePayer | null {
    return claimReturnPostage(asChoice(claim));
  }
}

function asChoice(claim: ClaimType) {
  return {
    resolution: claim.resolution as ClaimResolutionKind | null,
    offers: claim.offers.map((o) => ({
      resolution: o.resolution as ClaimResolutionKind,
      returnPostage: (o.returnPostage ?? null) as ReturnPostagePayer | null,
    })),
  };
}

function goesBack(claim: ClaimType): boolean {
  return claim.resolution === 'RETURN';
}
