// Breaking-change rules, as pure functions (the checks in check-breaking.mjs, unit-tested in compatibility.unit.spec.ts).
import { diff, CriticalityLevel } from '@graphql-inspector/core';
import { createRequire } from 'node:module';

// graphql the way @graphql-inspector/core loads it (the CommonJS entry): under vitest a plain import
// would get graphql's ESM build, and graphql refuses types from "another module or realm".
const { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } = createRequire(import.meta.url)('graphql');

/** A subgraph SDL as a schema (federation directives are declared in it; composition checks the rest). */
export function sdlToSchema(sdl) {
  return buildSchema(sdl, { assumeValidSDL: true });
}

/**
 * Was the element at a graphql-inspector path (`Type.field`, `Type.field.arg`,
 * `Input.field`, `Enum.VALUE`), or the field it belongs to, marked `@deprecated` in this schema?
 */
export function isDeprecated(schema, path) {
  const [typeName, member, arg] = (path ?? '').split('.');
  const type = typeName ? schema.getType(typeName) : undefined;
  if (!type || !member) return false;
  if (isEnumType(type)) return Boolean(type.getValue(member)?.deprecationReason);
  if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) return false;
  const field = type.getFields()[member];
  if (!field) return false;
  // An argument of a deprecated field goes with it.
  if (arg === undefined || field.deprecationReason) return Boolean(field.deprecationReason);
  return Boolean(field.args?.find((a) => a.name === arg)?.deprecationReason);
}

/**
 * The breaking changes from the baseline SDL to the current one that were not
 * announced: a field, argument, input field or enum value may be removed or
 * changed only once the baseline already marked it `@deprecated`.
 */
export async function graphqlBreaks(baselineSdl, currentSdl) {
  const baseline = sdlToSchema(baselineSdl);
  const changes = await diff(baseline, sdlToSchema(currentSdl));
  return changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking && !isDeprecated(baseline, change.path))
    .map((change) => ({ path: change.path ?? '(schema)', message: change.message }));
}

const typesOf = (schema) => {
  if (schema === true || schema === false || schema === undefined) return undefined;
  if (schema.type !== undefined) return [schema.type].flat().sort();
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return [...new Set(variants.flatMap((v) => typesOf(v) ?? ['?']))].sort();
  if (schema.const !== undefined) return [schema.const === null ? 'null' : typeof schema.const];
  if (schema.enum) return [...new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)))].sort();
  return undefined;
};

/** The one non-null member of a nullable `anyOf` (how zod writes `.nullable()`), or the schema itself. */
const unwrapNullable = (schema) => {
  const variants = schema?.anyOf ?? schema?.oneOf;
  if (!variants) return schema;
  const members = variants.filter((v) => !(v.type === 'null' || v.const === null));
  return members.length === 1 ? members[0] : schema;
};

/**
 * Breaking changes between two JSON Schemas of one event `type@version`
 * (what consumers of that version rely on). Within a version only additive
 * changes are allowed: a new optional property, a new enum value, looser
 * limits. Breaking: a removed property, a changed type (nullability included),
 * an optional property made required, a new required property, a required
 * property made optional, a removed enum value, a changed constant.
 */
export function eventSchemaBreaks(baseline, current, path = '') {
  const problems = [];
  const at = path || '(root)';
  const before = typesOf(baseline);
  const after = typesOf(current);
  if (before && after && before.join('|') !== after.join('|')) {
    problems.push({ path: at, message: `type changed from ${before.join('|')} to ${after.join('|')}` });
    return problems;
  }
  if (baseline?.const !== undefined && JSON.stringify(baseline.const) !== JSON.stringify(current?.const)) {
    problems.push({ path: at, message: `constant changed from ${JSON.stringify(baseline.const)} to ${JSON.stringify(current?.const)}` });
  }
  if (Array.isArray(baseline?.enum)) {
    const kept = new Set((current?.enum ?? baseline.enum).map((v) => JSON.stringify(v)));
    for (const value of baseline.enum)
      if (!kept.has(JSON.stringify(value))) problems.push({ path: at, message: `enum value ${JSON.stringify(value)} removed` });
  }

  const old = unwrapNullable(baseline);
  const cur = unwrapNullable(current);
  if (old?.properties || cur?.properties) {
    const oldProps = old?.properties ?? {};
    const curProps = cur?.properties ?? {};
    const oldRequired = new Set(old?.required ?? []);
    const curRequired = new Set(cur?.required ?? []);
    for (const name of Object.keys(oldProps)) {
      const child = path ? `${path}.${name}` : name;
      if (!(name in curProps)) {
        problems.push({ path: child, message: 'property removed' });
        continue;
      }
      if (!oldRequired.has(name) && curRequired.has(name)) problems.push({ path: child, message: 'optional property made required' });
      if (oldRequired.has(name) && !curRequired.has(name)) problems.push({ path: child, message: 'required property made optional' });
      problems.push(...eventSchemaBreaks(oldProps[name], curProps[name], child));
    }
    for (const name of Object.keys(curProps)) {
      if (!(name in oldProps) && curRequired.has(name)) problems.push({ path: path ? `${path}.${name}` : name, message: 'new required property' });
    }
  }
  if (old?.items && cur?.items) problems.push(...eventSchemaBreaks(old.items, cur.items, `${path}[]`));
  return problems;
}
