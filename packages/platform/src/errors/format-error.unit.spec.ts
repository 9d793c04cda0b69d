import { GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { BadUserInput, Conflict } from './domain-error.js';
import { createErrorFormatter } from './format-error.js';

const logger = createLogger('test', 'silent');
const asResolverError = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['placeOrder'] });

describe('error formatting', () => {
  it('passes domain errors with their code and details', () => {
    const format = createErrorFormatter(logger);
    const error = new BadUserInput('Your order could not be placed.', [{ field: 'lines.0.quantity', reason: 'OUT_OF_RANGE', message: 'Too many.' }]);
    expect(format({ message: error.message }, asResolverError(error))).toMatchObject({
      message: 'Your order could not be placed.',
      extensions: { code: 'BAD_USER_INPUT', problems: [{ field: 'lines.0.quantity', reason: 'OUT_OF_RANGE' }] },
    });
    expect(format({ message: 'x' }, asResolverError(new Conflict('Used key.'))).extensions?.code).toBe('CONFLICT');
  });

  it("reports class-validator's findings on nested inputs with the dotted path of each field", () => {
    const format = createErrorFormatter(logger);
    const invalid = new ArgumentValidationError([
      { property: 'note', constraints: { maxLength: 'note must be shorter than or equal to 500 characters' }, children: [] },
      {
        property: 'shippingAddress',
        children: [{ property: 'city', constraints: { maxLength: 'city must be shorter than or equal to 120 characters' }, children: [] }],
      },
    ] as never);
    expect(format({ message: 'x' }, asResolverError(invalid)).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      problems: [
        { field: 'note', reason: 'maxLength', message: 'note must be shorter than or equal to 500 characters' },
        { field: 'shippingAddress.city', reason: 'maxLength', message: 'city must be shorter than or equal to 120 characters' },
      ],
    });
  });

  it('hides unexpected errors behind INTERNAL_SERVER_ERROR and logs them', () => {
    const spy = vi.spyOn(logger, 'error');
    const format = createErrorFormatter(logger);
    const bug = new TypeError("Cannot read properties of undefined (reading 'stock') at /app/src/x.ts:3");
    const formatted = format({ message: bug.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['...'] } }, asResolverError(bug));
    expect(formatted.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(formatted.message).not.toMatch(/stock|\.ts/);
    expect(formatted.extensions).not.toHaveProperty('stacktrace');
    expect(spy).toHaveBeenCalledOnce();
  });

  it('drops field suggestions when asked to (production)', () => {
    const format = createErrorFormatter(logger, { hideSuggestions: true });
    const formatted = format(
      { message: 'Cannot query field "emial" on type "Customer". Did you mean "email"?', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError('x'),
    );
    expect(formatted.message).toBe('Cannot query field "emial" on type "Customer".');
  });

  it('keeps request-level codes such as validation failures', () => {
    const format = createErrorFormatter(logger);
    const formatted = format(
      { message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError('x'),
    );
    expect(formatted.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
