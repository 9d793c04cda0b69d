import { Field, ID, ObjectType } from 'type-graphql';
import type { SpecChange } from '../store/spec-change.entity.js';
import { Staff } from '../identity.js';

@ObjectType('SpecFieldChange', { description: 'What changed, as customers read it; null: not set.' })
export class SpecFieldChangeType {
  @Field(() => String)
  field!: string;

  @Field(() => String, { nullable: true })
  from!: string | null;

  @Field(() => String, { nullable: true })
  to!: string | null;
}

@ObjectType('SpecChange', { description: "One change of a product's spec before release, with why. Customers who ordered it are told." })
export class SpecChangeType {
  @Field(() => ID)
  id!: string;

  @Field(() => [SpecFieldChangeType])
  changes!: SpecFieldChangeType[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String)
  reason!: string;

  @Staff('catalog:write')
  @Field(() => ID, { description: 'Staff (catalog:write) only: who recorded it.' })
  changedBy!: string;

  @Field(() => Date)
  changedAt!: Date;

  static from(change: SpecChange): SpecChangeType {
    return Object.assign(new SpecChangeType(), {
      id: change.id,
      changes: change.changes.map((c) => Object.assign(new SpecFieldChangeType(), c)),
      description: change.description ?? null,
      reason: change.reason,
      changedBy: change.changedBy,
      changedAt: change.changedAt,
    });
  }
}
