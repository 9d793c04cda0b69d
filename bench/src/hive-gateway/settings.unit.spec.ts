import { describe, expect, it } from 'vitest';
import { loadHiveGatewaySettings, subgraphLocations } from './settings.js';

// The enum of a composed supergraph, as gateway/supergraph.graphql has it.
const supergraph = `
enum join__Graph {
  ACCOUNTS @join__graph(name: "accounts", url: "http://127.0.0.1:4003/graphql")
  CATALOG @join__graph(name: "catalog", url: "http://127.0.0.1:4001/graphql")
}`;

describe("the Hive Gateway's subgraph locations", () => {
  it('takes SUBGRAPH_<NAME>_URL as our gateway does, else the composed URL, keyed by the subgraph name', () => {
    expect(subgraphLocations(supergraph, { SUBGRAPH_CATALOG_URL: 'http://127.0.0.1:5555/graphql' })).toEqual({
      accounts: 'http://127.0.0.1:4003/graphql',
      catalog: 'http://127.0.0.1:5555/graphql',
    });
    expect(subgraphLocations(supergraph, { SUBGRAPH_CATALOG_URL: '' }).catalog).toBe('http://127.0.0.1:4001/graphql');
  });

  it('refuses a replica list rather than routing to one replica of it', () => {
    expect(() => subgraphLocations(supergraph, { SUBGRAPH_CATALOG_URL: 'http://a/graphql,http://b/graphql' })).toThrow(
      'SUBGRAPH_CATALOG_URL=http://a/graphql,http://b/graphql: the Hive Gateway of the bench takes one URL per subgraph',
    );
  });

  it('refuses a file that is not a supergraph', () => {
    expect(() => subgraphLocations('type Query { a: Int }', {})).toThrow('no @join__graph');
  });
});

describe("the Hive Gateway's settings", () => {
  const required = { SUPERGRAPH_PATH: '/tmp/supergraph.graphql', AUTH_JWKS_URL: 'http://127.0.0.1:4003/.well-known/jwks.json' };

  it("defaults to one process and our gateway's token issuer", () => {
    expect(loadHiveGatewaySettings({ ...required, PORT: '0' })).toEqual({
      host: '127.0.0.1',
      port: 0,
      workers: 1,
      supergraphPath: '/tmp/supergraph.graphql',
      auth: { jwksUrl: 'http://127.0.0.1:4003/.well-known/jwks.json', issuer: 'vitrine-accounts' },
    });
    expect(loadHiveGatewaySettings({ ...required, GATEWAY_WORKERS: '2' }).workers).toBe(2);
  });

  it('names the variable that is missing or wrong', () => {
    expect(() => loadHiveGatewaySettings({ AUTH_JWKS_URL: required.AUTH_JWKS_URL })).toThrow('SUPERGRAPH_PATH is required');
    expect(() => loadHiveGatewaySettings({ ...required, GATEWAY_WORKERS: '0' })).toThrow('GATEWAY_WORKERS=0: expected an integer between 1 and 64');
    expect(() => loadHiveGatewaySettings({ ...required, PORT: 'http' })).toThrow('PORT=http');
  });
});
