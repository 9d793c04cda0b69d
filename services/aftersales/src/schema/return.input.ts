import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MaxLength } from '@vitrine/platform';
import type { ReturnedCondition } from '../domain/preference-return.js';
import { ReturnedConditionEnum } from './claim-enums.js';

@InputType('RequestReturnInput')
export class RequestReturnInput {
  @Field(() => ID)
  @MaxLength(36)
  orderId!: string;

  @Field(() => ID, { description: 'The delivered line to send back (all its units).' })
  @MaxLength(36)
  productId!: string;

  @Field(() => String, { nullable: true, description: 'Why, if you wish to say (at most 1000 characters).' })
  @IsOptional()
  @MaxLength(1000)
  reason?: string | null;
}

@InputType('ReceiveReturnInput')
export class ReceiveReturnInput {
  @Field(() => ReturnedConditionEnum)
  condition!: ReturnedCondition;

  @Field(() => String, { nullable: true, description: 'For the audit (at most 1000 characters).' })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}
