import { Field, ID, ObjectType } from 'type-graphql';
import type { ReleaseDateChange } from '../store/release-date-change.entity.js';
import { Staff } from '../identity.js';

@ObjectType('ReleaseDateChange', { description: "One change of a product's estimated release date, with why." })
export class ReleaseDateChangeType {
  @Field(() => String, { nullable: true, description: 'The estimate before (null for the first one).' })
  oldEstimate!: string | null;

  @Field(() => String, { description: 'The new estimate: YYYY-MM or YYYY-MM-DD.' })
  newEstimate!: string;

  @Field(() => String)
  reason!: string;

  @Staff('catalog:write')
  @Field(() => ID, { description: 'Staff (catalog:write) only: who changed it.' })
  changedBy!: string;

  @Field(() => Date)
  changedAt!: Date;

  static from(change: ReleaseDateChange): ReleaseDateChangeType {
    return Object.assign(new ReleaseDateChangeType(), {
      oldEstimate: change.oldEstimate ?? null,
      newEstimate: change.newEstimate,
      reason: change.reason,
      changedBy: change.changedBy,
      changedAt: change.changedAt,
    });
  }
}
