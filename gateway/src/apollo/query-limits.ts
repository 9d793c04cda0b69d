import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import type { QueryLimits } from '../config.js';
import { costLimitError, operationCost } from './query-cost.js';

/**
 * graphql-armor prefixes its refusals with "Syntax Error:" although the
 * document parsed fine: report them as the validation errors they are.
 */
function reportLimit(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error:\s*/, ''), { nodes: error.nodes }));
}
const armorRejection = { propagateOnRejection: false, onReject: [reportLimit] };

/**
 * Depth, alias and directive limits as validation rules: Apollo Server runs
 * them with the spec's rules, so a refused document is a 400
 * GRAPHQL_VALIDATION_FAILED and is never planned, let alone sent to a subgraph.
 * Cost needs the variables (`first: $n`), which validation does not see: it is
 * checked by `queryCostPlugin`, still before planning.
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const armor = new ApolloArmor({
    // Depth counts fields, not fragment spreads: a client that factors a
    // query into fragments pays the same as one that inlines them.
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...armorRejection },
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases, ...armorRejection },
    maxDirectives: { n: limits.maxDirectives, ...armorRejection },
    // Token counting belongs in the parser (parseTokenLimit below): armor's Apollo
    // plugin for it throws from a hook and surfaces as a 500.
    maxTokens: { enabled: false },
    // Suggestions are stripped in formatError (production only), which also covers
    // errors raised after validation.
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect().validationRules;
}

/**
 * Refuses an operation whose cost, computed with its variables, is over
 * `maxCost` (400 GRAPHQL_VALIDATION_FAILED), once the operation is resolved
 * and before the gateway plans it.
 */
export function queryCostPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {});
          if (cost > limits.maxCost) throw costLimitError(limits.maxCost, cost);
        },
      };
    },
  };
}

/**
 * graphql-js stops parsing past this many tokens (400 GRAPHQL_PARSE_FAILED), so a
 * huge document costs little CPU even before validation.
 */
export function parseTokenLimit(limits: QueryLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}
