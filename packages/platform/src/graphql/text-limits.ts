import { registerDecorator, validate, ValidationError } from 'class-validator';
import { Arg, ArgumentValidationError, type ArgOptions } from 'type-graphql';

/**
 * Every text a client sends has a maximum length, declared next to its
 * GraphQL field and checked before the resolver runs (after the auth checker),
 * so an oversized value never reaches a use case, a hash or a varchar column:
 * it is BAD_USER_INPUT with `problems[].reason: 'maxLength'`.
 *
 * - input-type fields: `@MaxLength(n)` on the property (a class-validator
 *   constraint; a list of strings is checked item by item);
 * - scalar arguments: `@TextArg('name', { maxLength: n })` instead of `@Arg`.
 *
 * `undeclaredTextInputs` (test-support) lists every String argument and input
 * field of a schema without one, so a new field without a limit fails the suite.
 */

const declaredLimits = new WeakMap<object, Map<string, number>>();
/** Marks validate functions made by TextArg, so the schema check can recognise them. */
export const textLimitTag = Symbol('vitrine.textLimit');

function tooLong(value: unknown, maxLength: number): boolean {
  if (typeof value === 'string') return value.length > maxLength;
  if (Array.isArray(value)) return value.some((item) => typeof item === 'string' && item.length > maxLength);
  return false;
}

/** The longest text this input field accepts (a list of strings: each item). */
export function MaxLength(maxLength: number): PropertyDecorator {
  return (target, propertyName) => {
    const limits = declaredLimits.get(target.constructor) ?? new Map<string, number>();
    limits.set(String(propertyName), maxLength);
    declaredLimits.set(target.constructor, limits);
    registerDecorator({
      name: 'maxLength',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [maxLength],
      options: { message: `must be at most ${maxLength} characters long` },
      validator: { validate: (value: unknown) => !tooLong(value, maxLength) },
    });
  };
}

/** The limit `@MaxLength` declared for a property of an input class, if any. */
export function declaredMaxLength(inputClass: Function, propertyName: string): number | undefined {
  for (let current: unknown = inputClass; typeof current === 'function' && current !== Function.prototype; current = Object.getPrototypeOf(current)) {
    const limit = declaredLimits.get(current as object)?.get(propertyName);
    if (limit !== undefined) return limit;
  }
  return undefined;
}

function refuse(property: string, maxLength: number): never {
  const error = Object.assign(new ValidationError(), {
    property,
    constraints: { maxLength: `must be at most ${maxLength} characters long` },
    children: [],
  });
  throw new ArgumentValidationError([error]);
}

export interface TextArgOptions extends Omit<ArgOptions, 'validate' | 'validateFn'> {
  readonly maxLength: number;
  /** `[String]` instead of `String`: every item has the limit, and the list has at most `maxItems`. */
  readonly list?: { readonly maxItems: number };
}

/** `@Arg(name, () => String)` with a maximum length, checked before the resolver runs. */
export function TextArg(name: string, { maxLength, list, ...options }: TextArgOptions): ReturnType<typeof Arg> {
  const check = Object.assign(
    async (value: unknown) => {
      if (list && Array.isArray(value) && value.length > list.maxItems) {
        const error = Object.assign(new ValidationError(), {
          property: name,
          constraints: { maxItems: `must have at most ${list.maxItems} items` },
          children: [],
        });
        throw new ArgumentValidationError([error]);
      }
      if (tooLong(value, maxLength)) refuse(name, maxLength);
    },
    { [textLimitTag]: maxLength },
  );
  return Arg(name, () => (list ? [String] : String), { ...options, validateFn: check });
}

/**
 * The platform's argument validation (buildFederatedSchema's `validateFn`):
 * class-validator on every input object of an argument, nested ones included
 * (no `@ValidateNested` needed), every problem reported at once.
 */
export async function validateInputObjects(value: unknown): Promise<void> {
  const errors: ValidationError[] = [];
  const visit = async (current: unknown, seen: Set<unknown>): Promise<void> => {
    if (current === null || typeof current !== 'object' || seen.has(current)) return;
    seen.add(current);
    if (Array.isArray(current)) {
      for (const item of current) await visit(item, seen);
      return;
    }
    if (Object.getPrototypeOf(current) !== Object.prototype) {
      errors.push(...(await validate(current, { skipMissingProperties: true, forbidUnknownValues: false })));
    }
    for (const child of Object.values(current)) await visit(child, seen);
  };
  await visit(value, new Set());
  if (errors.length) throw new ArgumentValidationError(errors);
}
