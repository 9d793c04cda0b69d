import { describe, expect, it } from 'vitest';
import { crashPointUnder, parseCrashPlan, type CrashLine } from './crash-point.js';

const armed = (crashAt: string) => ({ VITRINE_FAULT_INJECTION: '1', VITRINE_CRASH_AT: crashAt });

describe('parseCrashPlan', () => {
  it('names the point, the first time by default', () => {
    expect(parseCrashPlan(armed('outbox-relay:after-publish'))).toEqual({ point: 'outbox-relay:after-publish', nth: 1 });
  });

  it('takes the count after @: dies the Nth time', () => {
    expect(parseCrashPlan(armed('event-consumer:after-effect@7'))).toEqual({ point: 'event-consumer:after-effect', nth: 7 });
    expect(parseCrashPlan(armed(' outbox-relay:after-publish@12 '))).toEqual({ point: 'outbox-relay:after-publish', nth: 12 });
  });

  it('is off unless both variables are set, the switch to exactly 1', () => {
    expect(parseCrashPlan({})).toBeUndefined();
    expect(parseCrashPlan({ VITRINE_CRASH_AT: 'outbox-relay:after-publish' })).toBeUndefined();
    expect(parseCrashPlan({ VITRINE_FAULT_INJECTION: '1' })).toBeUndefined();
    expect(parseCrashPlan({ VITRINE_FAULT_INJECTION: '1', VITRINE_CRASH_AT: '  ' })).toBeUndefined();
    for (const on of ['true', 'yes', '0', '']) {
      expect(parseCrashPlan({ VITRINE_FAULT_INJECTION: on, VITRINE_CRASH_AT: 'outbox-relay:after-publish' })).toBeUndefined();
    }
  });

  it('refuses an unknown point or a count that is not a whole number from 1, when armed', () => {
    for (const bad of [
      'outbox-relay:before-publish',
      'outbox-relay',
      'outbox-relay:after-publish@0',
      'outbox-relay:after-publish@-1',
      'outbox-relay:after-publish@x',
      'outbox-relay:after-publish@',
      'outbox-relay:after-publish@1.5',
    ]) {
      expect(() => parseCrashPlan(armed(bad)), bad).toThrow(/VITRINE_CRASH_AT/);
    }
    // Not armed: the same mistake is nobody's business.
    expect(parseCrashPlan({ VITRINE_CRASH_AT: 'nonsense@0' })).toBeUndefined();
  });
});

describe('crashPointUnder', () => {
  it('crashes the Nth time its point is reached, with what the call site said', () => {
    const crashes: CrashLine[] = [];
    const reach = crashPointUnder({ point: 'outbox-relay:after-publish', nth: 3 }, 'outbox-relay:after-publish', (line) => crashes.push(line));
    reach(() => ({ seqs: ['1'] }));
    reach(() => ({ seqs: ['2'] }));
    expect(crashes).toEqual([]);
    reach(() => ({ seqs: ['3', '4'] }));
    expect(crashes).toEqual([{ crashPoint: 'outbox-relay:after-publish', reached: 3, pid: process.pid, time: expect.any(String), seqs: ['3', '4'] }]);
    reach();
    expect(crashes).toHaveLength(1);
  });

  it('does nothing at a point the plan does not name, nor when there is no plan', () => {
    const crashes: CrashLine[] = [];
    const other = crashPointUnder({ point: 'outbox-relay:after-publish', nth: 1 }, 'event-consumer:after-effect', (line) => crashes.push(line));
    const none = crashPointUnder(undefined, 'event-consumer:after-effect', (line) => crashes.push(line));
    let detailsAsked = 0;
    for (let i = 0; i < 5; i++) {
      other(() => ({ asked: ++detailsAsked }));
      none(() => ({ asked: ++detailsAsked }));
    }
    expect(crashes).toEqual([]);
    // The details are only worked out for a crash.
    expect(detailsAsked).toBe(0);
  });

  it('keeps its own fields over what the call site passes', () => {
    const crashes: CrashLine[] = [];
    const reach = crashPointUnder({ point: 'event-consumer:after-effect', nth: 1 }, 'event-consumer:after-effect', (line) => crashes.push(line));
    reach(() => ({ crashPoint: 'spoofed', reached: 99 }));
    expect(crashes[0]).toMatchObject({ crashPoint: 'event-consumer:after-effect', reached: 1 });
  });
});
