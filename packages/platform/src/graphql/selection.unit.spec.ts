import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsBelow } from './selection.js';

/** The resolve info of the document's first top-level field, as graphql-js hands it to that field's resolver. */
function infoOf(document: string) {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

const stock = new Set(['availableQuantity', 'stockLevels']);
const asks = (document: string) => selectsBelow(infoOf(document), ['edges', 'node'], stock);

describe('selectsBelow', () => {
  it('finds a field asked for at the path, under an alias too', () => {
    expect(asks('{ products { edges { node { id availableQuantity } } } }')).toBe(true);
    expect(asks('{ products { edges { item: node { left: availableQuantity } } } }')).toBe(true);
  });

  it('does not find one asked for elsewhere, or not at all', () => {
    expect(asks('{ products { edges { node { id name } } } }')).toBe(false);
    expect(asks('{ products { edges { cursor } totalCount } }')).toBe(false);
    // Same name, another place: not the page's products.
    expect(asks('{ products { edges { node { id related { availableQuantity } } } } }')).toBe(false);
  });

  it('looks through inline and named fragments, at any step of the path', () => {
    expect(asks('{ products { edges { node { ... on Product { availableQuantity } } } } }')).toBe(true);
    expect(
      asks(
        'query { products { ...Page } } fragment Page on ProductConnection { edges { node { ...Card } } } fragment Card on Product { stockLevels { units } }',
      ),
    ).toBe(true);
    expect(asks('query { products { ...Page } } fragment Page on ProductConnection { edges { node { ...Card } } } fragment Card on Product { name }')).toBe(
      false,
    );
  });

  it('counts a field that @skip or @include may leave out as asked for', () => {
    expect(asks('query ($s: Boolean!) { products { edges { node { availableQuantity @skip(if: $s) } } } }')).toBe(true);
  });

  it('merges the same path asked for twice', () => {
    expect(asks('{ products { edges { node { id } } edges { node { availableQuantity } } } }')).toBe(true);
  });
});
