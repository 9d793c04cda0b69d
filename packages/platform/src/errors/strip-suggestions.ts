// graphql-js appends these to unknown field, argument, type and enum value errors.
const suggestion = / ?Did you mean .*\?$/s;

/**
 * "Did you mean ...?" hands out the schema one guess at a time even with
 * introspection off. Shared by the gateway and the subgraphs so both strip the
 * same text.
 */
export function stripSuggestions(message: string): string {
  return message.replace(suggestion, '');
}
