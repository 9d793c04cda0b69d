import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength } from '@vitrine/platform';
import type { ClaimKind } from '@vitrine/contracts';
import type { QueuePage } from '../use-cases/staff-queue.js';
import type { Claim } from '../store/claim.entity.js';
import type { PreferenceReturn } from '../store/preference-return.entity.js';
import { ClaimKindEnum, ClaimStatusEnum } from './claim-enums.js';
import { ClaimType } from './claim.type.js';
import { PreferenceReturnType, ReturnStatusEnum } from './return.type.js';

@InputType('ClaimQueueFilter', { description: 'Every term given must match.' })
export class ClaimQueueFilterInput {
  @Field(() => [ClaimStatusEnum], { nullable: true, description: 'Any of these statuses. Absent: waiting for staff (SUBMITTED, UNDER_REVIEW).' })
  @IsOptional()
  @ArrayMaxSize(10)
  statuses?: string[] | null;

  @Field(() => [ClaimKindEnum], { nullable: true, description: 'Any of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(10)
  kinds?: ClaimKind[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(36)
  orderId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(36)
  customerId?: string | null;

  @Field(() => Date, { nullable: true, description: 'First submitted at or after this instant.' })
  submittedAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'First submitted at or before this instant (older than: waiting since before it).' })
  submittedBefore?: Date | null;
}

@InputType('ReturnQueueFilter', { description: 'Every term given must match.' })
export class ReturnQueueFilterInput {
  @Field(() => [ReturnStatusEnum], { nullable: true, description: 'Any of these statuses. Absent: REQUESTED (waiting for the item).' })
  @IsOptional()
  @ArrayMaxSize(10)
  statuses?: string[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(36)
  orderId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(36)
  customerId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Requested at or after this instant.' })
  requestedAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Requested at or before this instant.' })
  requestedBefore?: Date | null;
}

@ObjectType('ClaimQueuePage', { description: 'A page of the claim queue; ask again with offset = nextOffset for the next one.' })
export class ClaimQueuePage {
  @Field(() => [ClaimType])
  items!: ClaimType[];

  @Field(() => Int, { description: 'Claims matching the filter, on every page.' })
  totalCount!: number;

  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Int, { nullable: true })
  nextOffset!: number | null;

  static from(page: QueuePage<Claim>): ClaimQueuePage {
    return Object.assign(new ClaimQueuePage(), { ...page, items: page.items.map(ClaimType.from) });
  }
}

@ObjectType('ReturnQueuePage', { description: 'A page of the return queue; ask again with offset = nextOffset for the next one.' })
export class ReturnQueuePage {
  @Field(() => [PreferenceReturnType])
  items!: PreferenceReturnType[];

  @Field(() => Int, { description: 'Returns matching the filter, on every page.' })
  totalCount!: number;

  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Int, { nullable: true })
  nextOffset!: number | null;

  static from(page: QueuePage<PreferenceReturn>): ReturnQueuePage {
    return Object.assign(new ReturnQueuePage(), { ...page, items: page.items.map(PreferenceReturnType.from) });
  }
}
