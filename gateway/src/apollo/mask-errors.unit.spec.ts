import { describe, expect, it } from 'vitest';
import { maskErrors, unexpectedErrorMessage, withoutTransportDetails } from './mask-errors.js';

describe('gateway error masking', () => {
  it("drops a subgraph's URL, status and body, whatever the mode", () => {
    const leaked = {
      message: '400: Bad Request',
      extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'catalog', response: { url: 'http://127.0.0.1:4001/graphql', status: 400, body: {} } },
    };
    for (const hideSuggestions of [false, true]) {
      const masked = maskErrors({ hideSuggestions })(leaked);
      expect(masked).toEqual({ message: unexpectedErrorMessage, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(JSON.stringify(masked)).not.toMatch(/127\.0\.0\.1|response|catalog|400/);
    }
  });

  it('replaces the message of an error without a client-facing code (a fetch failure names the URL)', () => {
    const masked = withoutTransportDetails({ message: 'request to http://127.0.0.1:4002/graphql failed, reason: connect ECONNREFUSED', path: ['order'] });
    expect(masked).toEqual({ message: unexpectedErrorMessage, path: ['order'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it("keeps a subgraph's coded error with its facts, minus transport extensions", () => {
    const masked = withoutTransportDetails({
      message: 'Some fields are not valid.',
      extensions: { code: 'BAD_USER_INPUT', problems: [{ field: 'email', reason: 'maxLength' }], serviceName: 'accounts', stacktrace: ['at x.ts:1'] },
    });
    expect(masked).toEqual({
      message: 'Some fields are not valid.',
      extensions: { code: 'BAD_USER_INPUT', problems: [{ field: 'email', reason: 'maxLength' }] },
    });
  });

  it("gives Apollo's uncoded refusal of a persisted query with the wrong hash a code and a message a client can act on", () => {
    const masked = withoutTransportDetails({ message: 'provided sha does not match query', extensions: {} });
    expect(masked).toEqual({ message: "The persisted query's sha256Hash is not the SHA-256 of the query sent with it.", extensions: { code: 'BAD_REQUEST' } });
  });

  it("keeps the request id of a subgraph's internal error", () => {
    const masked = withoutTransportDetails({
      message: 'Something went wrong, quote reference r-1',
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'r-1', serviceName: 'orders' },
    });
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'r-1' });
  });
});
