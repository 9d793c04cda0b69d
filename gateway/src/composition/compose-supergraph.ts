import { composeServices } from '@apollo/composition';
import { parse, type GraphQLError } from 'graphql';
import type { SubgraphSdl } from './load-subgraph-sdl.js';

export type SupergraphComposition =
  { readonly ok: true; readonly supergraphSdl: string; readonly hints: readonly string[] } | { readonly ok: false; readonly errors: readonly string[] };

/** Composes the subgraphs into a supergraph, turning every failure into a readable line. */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): SupergraphComposition {
  const services = [];
  const syntaxErrors: string[] = [];
  for (const { name, url, sdl } of subgraphs) {
    try {
      services.push({ name, url, typeDefs: parse(sdl) });
    } catch (error) {
      // A syntax error would otherwise surface without saying which subgraph it came from.
      syntaxErrors.push(`[${name}] ${describeError(error)}`);
    }
  }
  if (syntaxErrors.length > 0) return { ok: false, errors: syntaxErrors };

  const result = composeServices(services);
  if (result.errors) return { ok: false, errors: result.errors.map(describeError) };
  return {
    ok: true,
    supergraphSdl: result.supergraphSdl,
    hints: result.hints.map((hint) => `${hint.definition.code}: ${hint.message}`),
  };
}

function describeError(error: unknown): string {
  // Duck-typed: graphql ships CJS and ESM builds, and a bundler may load the
  // one @apollo/composition did not, which breaks `instanceof GraphQLError`.
  if (!isGraphqlError(error)) return String(error);
  const code = error.extensions?.['code'];
  return [code ? `${String(code)}: ` : '', error.message, locationsOf(error)].join('');
}

function isGraphqlError(error: unknown): error is GraphQLError {
  return error instanceof Error && 'extensions' in error && 'nodes' in error;
}

// Composition errors point into several subgraphs' SDL: say which file each line is in.
function locationsOf(error: GraphQLError): string {
  const places = (error.nodes ?? []).flatMap((node) => {
    const line = node.loc?.startToken.line;
    const subgraph = (node as { subgraph?: string }).subgraph;
    return line === undefined ? [] : [`${subgraph ?? 'sdl'}:${line}`];
  });
  return places.length > 0 ? ` (at ${places.join(', ')})` : '';
}
