import { describe, expect, it } from 'vitest';
import { checkReadiness, isServing, readinessStatus } from './readiness.js';

const up = async () => {};
const down = async () => {
  throw new Error('ECONNREFUSED');
};
const hung = () => new Promise<void>(() => {});

describe('readinessStatus', () => {
  it('is degraded with a slow database', () => {
    expect(readinessStatus({ database: 'slow', eventTransport: 'up' }, false)).toBe('degraded');
  });

  it('is unavailable without the database, whatever the transport', () => {
    expect(readinessStatus({ database: 'down', eventTransport: 'up' }, false)).toBe('unavailable');
    expect(readinessStatus({ database: 'down', eventTransport: 'down' }, false)).toBe('unavailable');
  });

  it('is degraded, and still serving, when only the event transport is down', () => {
    expect(readinessStatus({ database: 'up', eventTransport: 'down' }, false)).toBe('degraded');
    expect(isServing('degraded')).toBe(true);
  });

  it('is draining once the server stops, even with every part up', () => {
    expect(readinessStatus({ database: 'up', eventTransport: 'up' }, true)).toBe('draining');
    expect(isServing('draining')).toBe(false);
    expect(isServing('unavailable')).toBe(false);
    expect(isServing('ready')).toBe(true);
  });
});

describe('checkReadiness', () => {
  it('reports each part and names the failing one', async () => {
    const failures: string[] = [];
    const report = await checkReadiness({ database: up, eventTransport: down }, false, (part) => failures.push(part));
    expect(report).toEqual({ status: 'degraded', database: 'up', eventTransport: 'down' });
    expect(failures).toEqual(['eventTransport']);
  });

  it('counts a part that does not answer in time as slow: degraded, still serving', async () => {
    const report = await checkReadiness({ database: hung, eventTransport: up }, false, () => {}, 20);
    expect(report).toEqual({ status: 'degraded', database: 'slow', eventTransport: 'up' });
    expect(isServing(report.status)).toBe(true);
  });
});
