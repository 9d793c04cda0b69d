import {
  GraphQLError,
  Kind,
  getNamedType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface CostWeights {
  readonly scalarCost: number;
  readonly objectCost: number;
  /** Each level deeper weighs this much more than its parent. */
  readonly depthCostFactor: number;
}

export const defaultCostWeights: CostWeights = { scalarCost: 1, objectCost: 2, depthCostFactor: 1.5 };

/** The arguments that say how many items a list field returns. */
const pageSizeArguments = ['first', 'last'];

/**
 * An operation's estimated cost, computed with its variables: 1 per scalar
 * field, 2 per object field, each level 1.5x its parent, and a page size
 * (`first`/`last`, whether literal, a variable, the variable's default or the
 * field's default) multiplying its subtree. Fragments count as if inlined.
 * Introspection (`__schema`, `__type`) is free so GraphiQL works.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
  weights: CostWeights = defaultCostWeights,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const variableDefaults = new Map(
    (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, v.defaultValue ? valueFromASTUntyped(v.defaultValue) : undefined]),
  );
  const variableValue = (name: string): unknown => (name in variables ? variables[name] : variableDefaults.get(name));

  const pageSize = (field: FieldNode, definition: GraphQLField<unknown, unknown> | undefined): number => {
    for (const name of pageSizeArguments) {
      const argument = field.arguments?.find((a) => a.name.value === name);
      let value: unknown;
      if (argument) value = argument.value.kind === Kind.VARIABLE ? variableValue(argument.value.name.value) : valueFromASTUntyped(argument.value);
      else value = definition?.args.find((a) => a.name === name)?.defaultValue;
      if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, Math.trunc(value));
    }
    return 1;
  };

  // Fragment cycles are a validation error already; the guard only keeps this function total.
  const selectionCost = (set: SelectionSetNode, parent: GraphQLCompositeType | undefined, visiting: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += selectionCost(selection.selectionSet, isCompositeType(typed) ? typed : parent, visiting);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || visiting.has(fragment.name.value)) continue;
        const typed = schema.getType(fragment.typeCondition.name.value);
        total += selectionCost(fragment.selectionSet, isCompositeType(typed) ? typed : parent, new Set([...visiting, fragment.name.value]));
      }
    }
    return total;
  };

  const fieldCost = (field: FieldNode, parent: GraphQLCompositeType | undefined, visiting: ReadonlySet<string>): number => {
    const name = field.name.value;
    if (name === '__schema' || name === '__type') return 0;
    if (!field.selectionSet) return weights.scalarCost;
    const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
    const type = definition ? getNamedType(definition.type) : undefined;
    const children = selectionCost(field.selectionSet, isCompositeType(type) ? type : undefined, visiting);
    return (weights.objectCost + weights.depthCostFactor * children) * pageSize(field, definition);
  };

  const root =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return selectionCost(operation.selectionSet, root ?? undefined, new Set());
}

/** The refusal for an operation over the limit: a 400 before planning, like the other limits. */
export function costLimitError(limit: number, cost: number): GraphQLError {
  return new GraphQLError(`Query cost limit of ${limit} exceeded, found ${Math.round(cost * 100) / 100}.`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}
