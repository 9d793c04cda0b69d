import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { QueryLimits } from '../config.js';

/**
 * Depth, cost, alias and directive limits as validation rules: Apollo Server
 * runs them with the spec's rules, so a refused document is a 400
 * GRAPHQL_VALIDATION_FAILED and is never planned, let alone sent to a subgraph.
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const armor = new ApolloArmor({
    // Depth and cost count fields, not fragment spreads: a client that factors a
    // query into fragments pays the same as one that inlines them.
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    // armor's per-field cost: 1 per scalar, 2 per object, each level 1.5x deeper;
    // a `first`/`last` argument multiplies its subtree.
    costLimit: { maxCost: limits.maxCost, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
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
 * graphql-js stops parsing past this many tokens (400 GRAPHQL_PARSE_FAILED), so a
 * huge document costs little CPU even before validation.
 */
export function parseTokenLimit(limits: QueryLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}
