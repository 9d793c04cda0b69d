import { MaxLength } from '@vitrine/platform';
import { Field, InputType } from 'type-graphql';

@InputType('SpecFieldChangeInput')
export class SpecFieldChangeInput {
  @MaxLength(200)
  @Field(() => String, { description: 'What changed, e.g. "paint finish".' })
  field!: string;

  @MaxLength(1000)
  @Field(() => String, { nullable: true })
  from?: string | null;

  @MaxLength(1000)
  @Field(() => String, { nullable: true })
  to?: string | null;
}

@InputType('RecordSpecChangeInput', { description: 'What changed (a list, a description, or both) and why.' })
export class RecordSpecChangeInput {
  @Field(() => [SpecFieldChangeInput], { nullable: true })
  changes?: SpecFieldChangeInput[] | null;

  @MaxLength(20000)
  @Field(() => String, { nullable: true })
  description?: string | null;

  @MaxLength(1000)
  @Field(() => String, { description: 'Why, for customers (they are emailed) and the audit log (1-500 characters).' })
  reason!: string;
}
