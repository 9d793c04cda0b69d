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
      subgraphUrls: { catalog: 'http://127.0.0.1:4001/graphql', orders: 'http://127.0.0.1:4002/graphql' },
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
    });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', workers: 4, logLevel: 'debug', nodeEnv: 'production' });
    expect(config.supergraphPath).toBe('/srv/supergraph.graphql');
    expect(config.subgraphUrls['orders']).toBe('http://orders:4000/graphql');
    expect(config.subgraphUrls['catalog']).toBe('http://127.0.0.1:4001/graphql');
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
