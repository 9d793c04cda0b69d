import { getNamedType, isInputObjectType, isIntrospectionType, isObjectType, type GraphQLArgument, type GraphQLInputField, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { declaredMaxLength, textLimitTag } from './text-limits.js';

/** Federation's own fields take representations and SDL, not client text. */
const federationFields = new Set(['_entities', '_service']);

const isText = (input: GraphQLArgument | GraphQLInputField) => getNamedType(input.type).name === 'String';

/**
 * Every String argument (`Type.field(arg)`) and input field (`Input.field`) of
 * a subgraph schema that has no declared maximum length (`TextArg`,
 * `@MaxLength`), for a test that fails when a new one is added without.
 */
export function undeclaredTextInputs(schema: GraphQLSchema): string[] {
  const storage = getMetadataStorage();
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type)) continue;
    if (isObjectType(type)) {
      const handlers = type === schema.getQueryType() ? storage.queries : type === schema.getMutationType() ? storage.mutations : storage.fieldResolvers;
      for (const field of Object.values(type.getFields())) {
        if (federationFields.has(field.name)) continue;
        for (const arg of field.args.filter(isText)) {
          const declared = handlers
            .filter((h) => h.schemaName === field.name)
            .some((h) =>
              storage.params.some((p) => {
                if (p.target !== h.target || p.methodName !== h.methodName) return false;
                if (p.kind === 'arg') return p.name === arg.name && !!(p.validateFn as { [textLimitTag]?: number } | undefined)?.[textLimitTag];
                // `@Args(() => SomeArgs)`: the argument is a field of that class, declared with `@MaxLength`.
                if (p.kind === 'args') return hasDeclaredLimit(p.getType() as object, arg.name);
                return false;
              }),
            );
          if (!declared) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isInputObjectType(type)) {
      const inputClass = storage.inputTypes.find((c) => c.name === type.name)?.target;
      for (const field of Object.values(type.getFields()).filter(isText)) {
        if (!inputClass || !hasDeclaredLimit(inputClass, field.name)) missing.push(`${type.name}.${field.name}`);
      }
    }
  }
  return missing.sort();
}

/** Whether the field named `schemaName` of an input or args class declares its maximum length. */
function hasDeclaredLimit(inputClass: object, schemaName: string): boolean {
  const property = getMetadataStorage().fields.find((f) => isSameOrAncestor(f.target, inputClass) && f.schemaName === schemaName)?.name ?? schemaName;
  return declaredMaxLength(inputClass, property) !== undefined;
}

function isSameOrAncestor(candidate: object, of: object): boolean {
  for (let current: unknown = of; typeof current === 'function'; current = Object.getPrototypeOf(current)) {
    if (current === candidate) return true;
  }
  return false;
}
