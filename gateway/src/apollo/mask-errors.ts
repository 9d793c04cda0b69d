import type { GraphQLFormattedError } from 'graphql';

/**
 * Apollo Server omits its own stack traces when told to, but the gateway copies
 * a subgraph's error extensions through verbatim: a subgraph in development mode
 * would leak its stack traces to our clients.
 */
export function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions) return formatted;
  const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
