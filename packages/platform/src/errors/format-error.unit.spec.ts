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

  it('answers SERVICE_UNAVAILABLE when PostgreSQL is out of reach (restarting, refused, connection cut), as a warning', () => {
    const warn = vi.spyOn(logger, 'warn');
    const error = vi.spyOn(logger, 'error');
    const format = createErrorFormatter(logger);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    // Over a Unix socket, a server that is down has removed its socket file.
    const noSocket = Object.assign(new Error('connect ENOENT /tmp/vitrine-pgsock-x/.s.PGSQL.5432'), { code: 'ENOENT', syscall: 'connect' });
    // MikroORM's DriverException copies the driver's fields; a wrapper may keep it as its cause.
    const cut = new Error('could not pay', { cause: new Error('Connection terminated unexpectedly') });
    for (const down of [refused, shutdown, noSocket, cut]) {
      const formatted = format({ message: down.message }, asResolverError(down));
      expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
      expect(formatted.message).not.toMatch(/5432|administrator|terminated|ENOENT/);
    }
    expect(warn).toHaveBeenCalledTimes(4);
    expect(error).not.toHaveBeenCalled();
    // A constraint the database enforces is not an outage: still unexpected.
    const violated = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    expect(format({ message: violated.message }, asResolverError(violated)).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
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
