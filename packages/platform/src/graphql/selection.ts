import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved asks, at `path` below it (e.g. `['edges', 'node']` in a connection), for any of
 * `names`: through aliases, inline fragments and named fragments. `@skip` and `@include` are not evaluated: a field
 * they may leave out counts as asked for, so a resolver that reads ahead on this answer reads at most what its
 * fields would have read one by one.
 */
export function selectsBelow(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[], names: ReadonlySet<string>): boolean {
  let sets = info.fieldNodes.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  for (const step of path) {
    sets = sets.flatMap((set) =>
      [...fieldsIn(set, info.fragments)].filter((field) => field.name.value === step && field.selectionSet).map((field) => field.selectionSet!),
    );
    if (sets.length === 0) return false;
  }
  return sets.some((set) => [...fieldsIn(set, info.fragments)].some((field) => names.has(field.name.value)));
}

function* fieldsIn(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): Generator<FieldNode> {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) yield selection;
    else if (selection.kind === Kind.INLINE_FRAGMENT) yield* fieldsIn(selection.selectionSet, fragments, seen);
    else if (!seen.has(selection.name.value)) {
      // Validation forbids fragment cycles; `seen` also spares re-walking a fragment spread twice in one set.
      seen.add(selection.name.value);
      const fragment = fragments[selection.name.value];
      if (fragment) yield* fieldsIn(fragment.selectionSet, fragments, seen);
    }
  }
}
