import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';

/** A query document, as the client sent it, that one subgraph answers whole. */
export interface LearnedQuery {
  readonly subgraph: string;
  /** The parsed document and the operation Apollo resolved in it: the cost and the variables are checked against them. */
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  /** The supergraph's API schema Apollo validated the document against. */
  readonly schema: GraphQLSchema;
}

/**
 * The documents learned so far, by their exact text and operation name: a
 * client sends the same few documents again and again. Bounded: past
 * `capacity` the oldest is forgotten, so a stream of distinct documents costs
 * memory up to the bound and, at worst, the ordinary path for the forgotten.
 */
export class LearnedQueries {
  private readonly byKey = new Map<string, LearnedQuery>();

  constructor(private readonly capacity: number) {}

  get(source: string, operationName: string | undefined): LearnedQuery | undefined {
    return this.byKey.get(keyOf(source, operationName));
  }

  remember(source: string, operationName: string | undefined, query: LearnedQuery): void {
    const key = keyOf(source, operationName);
    if (this.byKey.has(key)) return;
    if (this.byKey.size >= this.capacity) this.byKey.delete(this.byKey.keys().next().value!);
    this.byKey.set(key, query);
  }

  get size(): number {
    return this.byKey.size;
  }
}

// A name cannot hold a newline, so the two parts never run into each other.
const keyOf = (source: string, operationName: string | undefined) => `${operationName ?? ''}\n${source}`;
