import { registerDecorator, validate, ValidationError } from 'class-validator';
import { Arg, ArgumentValidationError, type ArgOptions } from 'type-graphql';

/**
 * Every text a client sends has a maximum length, declared next to its
 * GraphQL field and checked before the resolver runs (after the auth checker),
 * so an oversized value never reaches a use case, a hash or a varchar column:
 * it is BAD_USER_INPUT with `problems[].reason: 'maxLength'`. The NUL character
 * (which PostgreSQL refuses in text) is refused the same way (`noNulCharacter`),
 * and so is text that is not well-formed UTF-16 (a lone surrogate, which no
 * keyboard types and PostgreSQL refuses in JSON): `wellFormedText`.
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

const texts = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
const tooLong = (value: unknown, maxLength: number) => texts(value).some((text) => text.length > maxLength);
/** U+0000 is never text a person typed, and PostgreSQL refuses it in any string: refused with the limit. */
const hasNul = (value: unknown) => texts(value).some((text) => text.includes('\u0000'));
const nulMessage = 'must not contain the NUL character (U+0000)';
const illFormed = (value: unknown) => texts(value).some((text) => !text.isWellFormed());
const illFormedMessage = 'must be well-formed text (it has a lone surrogate)';

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
    registerDecorator({
      name: 'noNulCharacter',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: nulMessage },
      validator: { validate: (value: unknown) => !hasNul(value) },
    });
    registerDecorator({
      name: 'wellFormedText',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: illFormedMessage },
      validator: { validate: (value: unknown) => !illFormed(value) },
    });
  };
}

/** The limit `@MaxLength` declared for a property of an input class, if any. */
export function declaredMaxLength(inputClass: object, propertyName: string): number | undefined {
  for (let current: unknown = inputClass; typeof current === 'function' && current !== Function.prototype; current = Object.getPrototypeOf(current)) {
    const limit = declaredLimits.get(current as object)?.get(propertyName);
    if (limit !== undefined) return limit;
  }
  return undefined;
}

function refuse(property: string, constraints: Record<string, string>): never {
  throw new ArgumentValidationError([Object.assign(new ValidationError(), { property, constraints, children: [] })]);
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
      if (list && Array.isArray(value) && value.length > list.maxItems) refuse(name, { maxItems: `must have at most ${list.maxItems} items` });
      if (tooLong(value, maxLength)) refuse(name, { maxLength: `must be at most ${maxLength} characters long` });
      if (hasNul(value)) refuse(name, { noNulCharacter: nulMessage });
      if (illFormed(value)) refuse(name, { wellFormedText: illFormedMessage });
    },
    { [textLimitTag]: maxLength },
  );
  return Arg(name, () => (list ? [String] : String), { ...options, validateFn: check });
}

/**
 * The platform's argument validation (buildFederatedSchema's `validateFn`):
 * class-validator on every input object of an argument, nested ones included
 * (no `@ValidateNested` needed), every problem reported at once, each under
 * the dotted path of its field within the argument (`shippingAddress.city`;
 * a list argument's items as `lines.0.sku`); and the NUL character refused in
 * any string of any argument, declared or not.
 */
export async function validateInputObjects(value: unknown, argumentName = 'input'): Promise<void> {
  const errors: ValidationError[] = [];
  const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  const problem = (property: string, constraints: Record<string, string>) => Object.assign(new ValidationError(), { property, constraints, children: [] });
  const visit = async (current: unknown, path: string, seen: Set<unknown>): Promise<void> => {
    if (typeof current === 'string') {
      if (hasNul(current)) errors.push(problem(path, { noNulCharacter: nulMessage }));
      if (illFormed(current)) errors.push(problem(path, { wellFormedText: illFormedMessage }));
      return;
    }
    if (current === null || typeof current !== 'object' || seen.has(current)) return;
    seen.add(current);
    if (Array.isArray(current)) {
      for (const [i, item] of current.entries()) await visit(item, at(path, i), seen);
      return;
    }
    if (Object.getPrototypeOf(current) !== Object.prototype) {
      const found = await validate(current, { skipMissingProperties: true, forbidUnknownValues: false });
      // Nested objects are validated on their own below, once (class-validator's children, from @ValidateNested, would repeat them).
      for (const e of found) if (e.constraints) errors.push(problem(at(path, e.property), e.constraints));
      // Declared NUL refusals are reported once, by class-validator.
      for (const e of found)
        if (e.constraints?.['noNulCharacter'] || e.constraints?.['wellFormedText']) seen.add((current as Record<string, unknown>)[e.property]);
    }
    for (const [key, child] of Object.entries(current)) if (!seen.has(child)) await visit(child, at(path, key), seen);
  };
  const isObjectArgument = value !== null && typeof value === 'object' && !Array.isArray(value);
  await visit(value, isObjectArgument ? '' : argumentName, new Set());
  if (errors.length) throw new ArgumentValidationError(errors);
}
