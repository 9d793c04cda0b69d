import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import type { Logger } from 'pino';
import { currentRequestId } from '../context/request-context.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { DomainError, ServiceUnavailable } from './domain-error.js';
import { tooManyVariableErrors } from './request-errors.js';
import { stripSuggestions } from './strip-suggestions.js';

/** Codes that graphql-js / Apollo raise before execution: safe to pass through. */
const requestErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // Raised by the request context when a bearer token fails verification.
  'UNAUTHENTICATED',
  'SERVICE_UNAVAILABLE',
]);

/**
 * Maps every error to a stable `extensions.code` and a customer-readable
 * message. Unknown errors are logged with the request id and reach the client
 * as INTERNAL_SERVER_ERROR with no internals.
 */
export function createErrorFormatter(logger: Logger, { hideSuggestions = false } = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrap(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof DomainError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
    }
    if (original instanceof ArgumentValidationError) {
      const problems = validationProblems(original.extensions.validationErrors ?? []);
      return { ...base, message: 'Some fields are not valid.', extensions: { code: 'BAD_USER_INPUT', problems } };
    }
    if (original instanceof AuthenticationError) {
      return { ...base, message: 'Please sign in first.', extensions: { code: 'UNAUTHENTICATED' } };
    }
    if (original instanceof AuthorizationError) {
      return { ...base, message: 'You are not allowed to do this.', extensions: { code: 'FORBIDDEN' } };
    }
    // graphql-js gives up coercing variables after 50 bad values with a plain error: still the client's input.
    const code = tooManyVariableErrors.test(formatted.message) ? 'BAD_USER_INPUT' : formatted.extensions?.code;
    if (typeof code === 'string' && requestErrorCodes.has(code)) {
      // "Did you mean ...?" would let anyone map a production schema field by field.
      const message = hideSuggestions ? stripSuggestions(base.message) : base.message;
      return { ...base, message, extensions: { code } };
    }
    const requestId = currentRequestId();
    // PostgreSQL restarting or out of reach is no bug: the client is told to try again (warned, not an error).
    if (isDatabaseUnavailable(original)) {
      logger.warn({ err: original, requestId, path: formatted.path }, 'database unavailable');
      return { ...base, message: new ServiceUnavailable().message, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    logger.error({ err: original, requestId, path: formatted.path }, 'unexpected error');
    return {
      ...base,
      message: `Something went wrong on our side. Please try again; if it keeps happening, quote reference ${requestId ?? 'unknown'}.`,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

/** class-validator's findings, nested inputs included, each with the dotted path of its field. */
function validationProblems(failures: readonly ValidationFailure[], prefix = ''): { field: string; reason: string; message: string }[] {
  return failures.flatMap((v) => {
    const field = prefix ? `${prefix}.${v.property}` : v.property;
    return [...Object.entries(v.constraints ?? {}).map(([reason, message]) => ({ field, reason, message })), ...validationProblems(v.children ?? [], field)];
  });
}

/**
 * The error a resolver threw, inside graphql-js's wrapper. Duck-typed rather
 * than `instanceof GraphQLError`, which breaks when two copies of graphql are
 * loaded (ESM and CJS builds side by side).
 */
function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof Error && 'originalError' in current && current.originalError instanceof Error) {
    current = current.originalError;
  }
  return current;
}
