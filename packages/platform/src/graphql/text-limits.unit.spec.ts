import 'reflect-metadata';
import { ValidateNested } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { declaredMaxLength, MaxLength, validateInputObjects } from './text-limits.js';

class Inner {
  @MaxLength(3)
  code!: string;
}

class Outer {
  @MaxLength(5)
  name?: string | null;

  @MaxLength(2)
  tags?: string[];

  inner?: Inner;
}

const outer = (fields: Partial<Outer>) => Object.assign(new Outer(), fields);
const inner = (code: string) => Object.assign(new Inner(), { code });

async function reasons(value: unknown): Promise<string[]> {
  try {
    await validateInputObjects(value);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ArgumentValidationError);
    return (error as ArgumentValidationError).extensions.validationErrors!.flatMap((v) => Object.keys(v.constraints ?? {}).map((c) => `${v.property}:${c}`));
  }
}

describe('text limits', () => {
  it('accepts text within its limit, and absent or null values', async () => {
    expect(await reasons(outer({ name: 'abcde', tags: ['ab'], inner: inner('abc') }))).toEqual([]);
    expect(await reasons(outer({ name: null }))).toEqual([]);
  });

  it('refuses over-long text, nested inputs and list items included, all at once', async () => {
    expect(await reasons(outer({ name: 'abcdef', tags: ['ok', 'long'], inner: inner('abcd') })).then((r) => r.sort())).toEqual([
      'inner.code:maxLength',
      'name:maxLength',
      'tags:maxLength',
    ]);
    expect(await reasons([outer({ name: 'abcdef' })])).toEqual(['input.0.name:maxLength']);
  });

  it('reports a nested field once, under its dotted path, with or without @ValidateNested', async () => {
    class WithNested {
      @ValidateNested()
      inner?: Inner;
    }
    expect(await reasons(Object.assign(new WithNested(), { inner: inner('abcd') }))).toEqual(['inner.code:maxLength']);
  });

  it('refuses the NUL character', async () => {
    expect(await reasons(outer({ name: 'a\u0000b' }))).toEqual(['name:noNulCharacter']);
  });

  it('remembers the declared limit for the schema check', () => {
    expect(declaredMaxLength(Outer, 'name')).toBe(5);
    expect(declaredMaxLength(Outer, 'inner')).toBeUndefined();
  });
});

describe('the NUL character anywhere', () => {
  it('is refused in a scalar argument and in fields without a declared limit', async () => {
    expect(await reasons('a\u0000')).toEqual(['input:noNulCharacter']);
    expect(await reasons({ plain: ['ok', 'b\u0000'] })).toEqual(['plain.1:noNulCharacter']);
    expect(await reasons(outer({ inner: inner('\u0000') }))).toEqual(['inner.code:noNulCharacter']);
  });
});

describe('text that is not well-formed (a lone surrogate)', () => {
  it('is refused wherever it is, declared or not; a surrogate pair (an emoji) is text', async () => {
    expect(await reasons(outer({ name: 'a\ud800' }))).toEqual(['name:wellFormedText']);
    expect(await reasons('\udc00')).toEqual(['input:wellFormedText']);
    expect(await reasons({ plain: ['ok', 'b\ud800'] })).toEqual(['plain.1:wellFormedText']);
    expect(await reasons(outer({ name: '🗿', inner: inner('🗿') }))).toEqual([]);
  });
});
