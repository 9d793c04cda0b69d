import 'reflect-metadata';
import { Arg, Args, ArgsType, buildSchema, Field, InputType, Query, Resolver } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { MaxLength, TextArg } from './text-limits.js';
import { undeclaredTextInputs } from './undeclared-text-inputs.js';

@InputType('ProbeInput')
class ProbeInput {
  @Field(() => String)
  @MaxLength(10)
  limited!: string;

  @Field(() => String, { name: 'renamed' })
  @MaxLength(10)
  limitedUnderAnotherName!: string;

  @Field(() => String)
  open!: string;
}

@ArgsType()
class ProbeArgs {
  @Field(() => String)
  @MaxLength(10)
  limited!: string;

  @Field(() => String)
  open!: string;
}

@Resolver()
class ProbeResolver {
  @Query(() => Boolean)
  scalars(@TextArg('limited', { maxLength: 10 }) _limited: string, @Arg('open', () => String) _open: string): boolean {
    return true;
  }

  @Query(() => Boolean)
  inputs(@Arg('input', () => ProbeInput) _input: ProbeInput): boolean {
    return true;
  }

  @Query(() => Boolean)
  argsClass(@Args(() => ProbeArgs) _args: ProbeArgs): boolean {
    return true;
  }
}

describe('undeclaredTextInputs', () => {
  it('lists exactly the text arguments and input fields without a declared limit: scalar, input-type and args-class alike', async () => {
    const schema = await buildSchema({ resolvers: [ProbeResolver], validate: false });
    expect(undeclaredTextInputs(schema)).toEqual(['ProbeInput.open', 'Query.argsClass(open)', 'Query.scalars(open)']);
  });
});
