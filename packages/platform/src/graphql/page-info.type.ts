import { Directive, Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Relay-style pagination state.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
