import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, subgraphUrlVariable } from './config.js';
import { defaultSupergraphPath } from './paths.js';

describe('loadConfig', () => {
  it('defaults to a single local process on port 4000 over the built supergraph', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 4000,
      logLevel: 'info',
      nodeEnv: 'development',
      workers: 1,
      supergraphPath: defaultSupergraphPath,
      subgraphUrls: {
        accounts: ['http://127.0.0.1:4003/graphql'],
        catalog: ['http://127.0.0.1:4001/graphql'],
        orders: ['http://127.0.0.1:4002/graphql'],
        payments: ['http://127.0.0.1:4004/graphql'],
        logistics: ['http://127.0.0.1:4005/graphql'],
        notifications: ['http://127.0.0.1:4006/graphql'],
        aftersales: ['http://127.0.0.1:4007/graphql'],
      },
      readinessProbeMs: 1000,
      auth: { jwksUrl: 'http://127.0.0.1:4003/.well-known/jwks.json', issuer: 'vitrine-accounts' },
      trustProxyHops: 0,
      limits: { maxDepth: 12, maxCost: 5000, maxAliases: 15, maxTokens: 2000, maxDirectives: 10, maxBodyBytes: 1_048_576 },
      graphiql: true,
      exposeSchema: true,
      queryPassthrough: true,
      trustedDocuments: { manifestPath: undefined, requiredFor: [] },
    });
    expect(defaultSupergraphPath).toMatch(/gateway\/supergraph\.graphql$/);
  });

  it('takes overrides, including a per-subgraph URL', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      GATEWAY_WORKERS: '4',
      LOG_LEVEL: 'debug',
      NODE_ENV: 'production',
      SUPERGRAPH_PATH: '/srv/supergraph.graphql',
      SUBGRAPH_ORDERS_URL: 'http://orders:4000/graphql',
      SUBGRAPH_READINESS_PROBE_MS: '0',
    });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', workers: 4, logLevel: 'debug', nodeEnv: 'production', readinessProbeMs: 0 });
    expect(config.supergraphPath).toBe('/srv/supergraph.graphql');
    expect(config.subgraphUrls['orders']).toEqual(['http://orders:4000/graphql']);
    expect(config.subgraphUrls['catalog']).toEqual(['http://127.0.0.1:4001/graphql']);
  });

  it("takes a comma list of a subgraph's replicas, each an http(s) URL", () => {
    expect(loadConfig({ SUBGRAPH_ORDERS_URL: 'http://orders-1:4000/graphql, http://orders-2:4000/graphql' }).subgraphUrls['orders']).toEqual([
      'http://orders-1:4000/graphql',
      'http://orders-2:4000/graphql',
    ]);
    expect(() => loadConfig({ SUBGRAPH_ORDERS_URL: 'http://orders-1:4000/graphql,orders-2' })).toThrow(
      /SUBGRAPH_ORDERS_URL: must be an http\(s\) URL, or a comma list of them/,
    );
  });

  it('takes auth, proxy, limit and trusted-document settings', () => {
    const config = loadConfig({
      AUTH_JWKS_URL: 'https://accounts.internal/.well-known/jwks.json',
      AUTH_ISSUER: 'accounts-prod',
      TRUST_PROXY_HOPS: '1',
      MAX_QUERY_DEPTH: '8',
      MAX_QUERY_COST: '900',
      MAX_QUERY_ALIASES: '5',
      MAX_QUERY_TOKENS: '500',
      MAX_QUERY_DIRECTIVES: '4',
      MAX_BODY_BYTES: '65536',
      TRUSTED_DOCUMENTS_PATH: '/srv/trusted-documents.json',
      TRUSTED_DOCUMENTS_REQUIRED_FOR: ' storefront, ios-app ,',
    });
    expect(config.auth).toEqual({ jwksUrl: 'https://accounts.internal/.well-known/jwks.json', issuer: 'accounts-prod' });
    expect(config.trustProxyHops).toBe(1);
    expect(config.limits).toEqual({ maxDepth: 8, maxCost: 900, maxAliases: 5, maxTokens: 500, maxDirectives: 4, maxBodyBytes: 65536 });
    expect(config.trustedDocuments).toEqual({ manifestPath: '/srv/trusted-documents.json', requiredFor: ['storefront', 'ios-app'] });
  });

  it('hides the schema and GraphiQL in production unless GRAPHIQL=on', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ graphiql: false, exposeSchema: false });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHIQL: 'on' })).toMatchObject({ graphiql: true, exposeSchema: false });
    expect(loadConfig({ GRAPHIQL: 'off' })).toMatchObject({ graphiql: false, exposeSchema: true });
  });

  it('passes single-subgraph queries through unless QUERY_PASSTHROUGH=off', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).queryPassthrough).toBe(true);
    expect(loadConfig({ QUERY_PASSTHROUGH: 'off' }).queryPassthrough).toBe(false);
    expect(() => loadConfig({ QUERY_PASSTHROUGH: 'no' })).toThrow(/QUERY_PASSTHROUGH:/);
  });

  it('refuses to require trusted documents without a manifest', () => {
    expect(() => loadConfig({ TRUSTED_DOCUMENTS_REQUIRED_FOR: 'storefront' })).toThrow(
      /TRUSTED_DOCUMENTS_PATH: required when TRUSTED_DOCUMENTS_REQUIRED_FOR names clients/,
    );
  });

  it('names bad auth, limit and GraphiQL variables', () => {
    const load = () => loadConfig({ AUTH_JWKS_URL: 'jwks.json', MAX_QUERY_DEPTH: '0', TRUST_PROXY_HOPS: '-1', GRAPHIQL: 'yes' });
    expect(load).toThrow(/AUTH_JWKS_URL: must be an http\(s\) URL/);
    expect(load).toThrow(/TRUST_PROXY_HOPS:/);
    expect(load).toThrow(/MAX_QUERY_DEPTH:/);
    expect(load).toThrow(/GRAPHIQL:/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', GATEWAY_WORKERS: '' })).toMatchObject({ port: 4000, workers: 1 });
  });

  it('fails naming every bad variable', () => {
    const load = () => loadConfig({ PORT: 'eighty', GATEWAY_WORKERS: '0', SUBGRAPH_CATALOG_URL: 'ftp://catalog' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT:.*\n.*GATEWAY_WORKERS:.*\n.*SUBGRAPH_CATALOG_URL: must be an http\(s\) URL/);
  });
});

describe('subgraphUrlVariable', () => {
  it('upper-cases the subgraph name and replaces punctuation', () => {
    expect(subgraphUrlVariable('catalog')).toBe('SUBGRAPH_CATALOG_URL');
    expect(subgraphUrlVariable('after-sales')).toBe('SUBGRAPH_AFTER_SALES_URL');
  });
});
