import { describe, expect, it } from 'vitest';
import { checkReadiness, isServing, readinessStatus, sharedWithin } from './readiness.js';

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

describe('sharedWithin', () => {
  const counted = () => {
    let calls = 0;
    let fail = false;
    return {
      check: async () => {
        calls++;
        if (fail) throw new Error('down');
      },
      calls: () => calls,
      failFromNowOn: () => void (fail = true),
    };
  };

  it('answers probes within the window from the last check, and asks again after it', async () => {
    let clock = 1_000;
    const database = counted();
    const shared = sharedWithin(900, { database: database.check, eventTransport: up }, () => clock);
    await shared.database();
    clock += 500;
    await shared.database();
    expect(database.calls()).toBe(1);
    database.failFromNowOn();
    clock += 400; // 900 ms after the first check ended
    await expect(shared.database()).rejects.toThrow('down');
    expect(database.calls()).toBe(2);
    clock += 100;
    await expect(shared.database()).rejects.toThrow('down'); // the failure is shared too
    expect(database.calls()).toBe(2);
  });

  it('shares a check still running, and with a zero window checks every time', async () => {
    const database = counted();
    const shared = sharedWithin(900, { database: database.check, eventTransport: up });
    await Promise.all([shared.database(), shared.database(), shared.database()]);
    expect(database.calls()).toBe(1);
    const every = sharedWithin(0, { database: database.check, eventTransport: up });
    await every.database();
    await every.database();
    expect(database.calls()).toBe(3);
  });
});
