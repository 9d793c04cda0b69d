import { stripSuggestions } from '@vitrine/platform/errors';
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

/**
 * "Did you mean ...?" hands out the schema one guess at a time even with
 * introspection off: production strips it from every error, not just
 * validation ones (variable coercion suggests enum values too).
 */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = stripSuggestions(formatted.message);
  return message === formatted.message ? formatted : { ...formatted, message };
}

export function maskErrors(options: { readonly hideSuggestions: boolean }) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const masked = withoutStacktrace(formatted);
    return options.hideSuggestions ? withoutSuggestions(masked) : masked;
  };
}
