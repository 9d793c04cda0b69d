import { describe, expect, it } from 'vitest';
import { loadBenchConfig, runs } from './config.js';

describe('BENCH_ONLY and the soak', () => {
  it('leaves the soak out of a plain run, and runs everything else', () => {
    const config = loadBenchConfig({});
    expect(runs(config, 'soak')).toBe(false);
    expect(runs(config, 'hive')).toBe(true);
    expect(runs(config, 'drop')).toBe(true);
    expect(runs(config, 'fanout')).toBe(true);
  });

  it('runs the soak only when BENCH_ONLY names it', () => {
    const config = loadBenchConfig({ BENCH_ONLY: 'soak' });
    expect(runs(config, 'soak')).toBe(true);
    expect(runs(config, 'drop')).toBe(false);
    expect(runs(loadBenchConfig({ BENCH_ONLY: 'drop,soak' }), 'drop')).toBe(true);
  });

  it('defaults to 10 minutes at 10 purchases/s, read every 10 s, and checks the knobs', () => {
    expect(loadBenchConfig({})).toMatchObject({ soakSeconds: 600, soakRate: 10, soakConnections: 30, soakSampleSeconds: 10, soakMaxGrowth: 2 });
    expect(loadBenchConfig({ BENCH_SOAK_SECONDS: '90', BENCH_SOAK_RATE: '15' })).toMatchObject({ soakSeconds: 90, soakRate: 15 });
    expect(() => loadBenchConfig({ BENCH_SOAK_RATE: '0' })).toThrow('BENCH_SOAK_RATE=0: expected a number between 0.1 and 1000');
  });
});

describe('BENCH_EVENT_WORKERS', () => {
  it('names subgraphs run as an API process and an event worker; none by default', () => {
    expect(loadBenchConfig({}).eventWorkers).toEqual([]);
    expect(loadBenchConfig({ BENCH_EVENT_WORKERS: ' orders, catalog,orders' }).eventWorkers).toEqual(['orders', 'catalog']);
    expect(() => loadBenchConfig({ BENCH_EVENT_WORKERS: 'orders,ordrs' })).toThrow('BENCH_EVENT_WORKERS: ordrs is not a subgraph');
  });
});

describe('BENCH_REPLICAS', () => {
  it('names subgraphs run as several replicas, with how many; none by default', () => {
    expect(loadBenchConfig({}).replicas).toEqual({});
    expect(loadBenchConfig({ BENCH_REPLICAS: ' catalog=2, orders = 3' }).replicas).toEqual({ catalog: 2, orders: 3 });
    expect(() => loadBenchConfig({ BENCH_REPLICAS: 'catalg=2' })).toThrow('BENCH_REPLICAS: catalg is not a subgraph');
    expect(() => loadBenchConfig({ BENCH_REPLICAS: 'catalog' })).toThrow('BENCH_REPLICAS: catalog: expected <subgraph>=<replicas>, 1 to 8 replicas');
    expect(() => loadBenchConfig({ BENCH_REPLICAS: 'catalog=9' })).toThrow('1 to 8 replicas');
  });

  it("sends the emails to the bench's SMTP sink unless BENCH_SMTP asks for Mailpit", () => {
    expect(loadBenchConfig({}).smtp).toBe('sink');
    expect(loadBenchConfig({ BENCH_SMTP: ' Mailpit ' }).smtp).toBe('mailpit');
    expect(() => loadBenchConfig({ BENCH_SMTP: 'smtp4dev' })).toThrow('BENCH_SMTP is sink or mailpit, not smtp4dev');
  });
});

describe('BENCH_PG_SETTINGS', () => {
  it('passes name=value pairs on to PostgreSQL, a value with spaces kept whole', () => {
    expect(loadBenchConfig({}).postgresSettings).toEqual({});
    expect(loadBenchConfig({ BENCH_PG_SETTINGS: 'log_statement=all, log_line_prefix=%a %v ' }).postgresSettings).toEqual({
      log_statement: 'all',
      log_line_prefix: '%a %v',
    });
    expect(() => loadBenchConfig({ BENCH_PG_SETTINGS: 'log_statement' })).toThrow('BENCH_PG_SETTINGS: log_statement is not name=value');
  });
});
