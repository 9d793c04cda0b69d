import { describe, expect, it } from 'vitest';
import { orderPlacedV1, orderStatusChangedV1, shipmentDispatchedV1, shipmentOpenedV1 } from '@vitrine/contracts';
import { rewindTarget } from '../bus/group-rewind.js';
import { on } from './event-handler.js';
import { describeReplay, parseReplayArgs } from './replay-command.js';
import { replayVerdict } from './replay-marks.js';
import { checkReplay } from './replay.js';

const handlers = [
  on(shipmentOpenedV1, async () => {}),
  on(shipmentDispatchedV1, async () => {}),
  on(orderPlacedV1, async () => {}),
  on(orderStatusChangedV1, async () => {}),
];

describe('a replay request', () => {
  it('names topics the service consumes and types it handles there', () => {
    expect(checkReplay('aftersales', handlers, [shipmentOpenedV1.topic], [shipmentOpenedV1.type])).toEqual([]);
    expect(checkReplay('aftersales', handlers, [shipmentOpenedV1.topic, orderPlacedV1.topic], [shipmentOpenedV1.type, orderPlacedV1.type])).toEqual([]);
  });

  it('refuses a topic the service does not consume, a type it does not handle on the named topics, and says what it does', () => {
    const problems = checkReplay('aftersales', handlers, ['catalog.warehouse.v1'], [orderPlacedV1.type]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe(
      `catalog.warehouse.v1: aftersales consumes no event of this topic (it consumes ${[orderPlacedV1.topic, shipmentOpenedV1.topic].sort().join(', ')})`,
    );
    expect(problems[1]).toMatch(/^orders\.order\.placed: not an event aftersales handles on catalog\.warehouse\.v1/);
    // A type of another of its topics is not replayed with these.
    expect(checkReplay('aftersales', handlers, [shipmentOpenedV1.topic], [orderPlacedV1.type])[0]).toBe(
      `${orderPlacedV1.type}: not an event aftersales handles on ${shipmentOpenedV1.topic} (it handles ${[shipmentDispatchedV1.type, shipmentOpenedV1.type].sort().join(', ')})`,
    );
  });

  it('wants the types named: never every handler of a topic by default', () => {
    expect(checkReplay('aftersales', handlers, [shipmentOpenedV1.topic], [])).toEqual([
      `name the event types to apply again (--types), only those whose handlers are idempotent (upserts); on ${shipmentOpenedV1.topic} aftersales handles ${[shipmentDispatchedV1.type, shipmentOpenedV1.type].sort().join(', ')}`,
    ]);
    expect(checkReplay('aftersales', handlers, [], [])[0]).toMatch(/^name the topics to replay \(--topics\)/);
  });
});

describe('a replayed message', () => {
  const marks = new Map([['t:0', { until: 10n, types: new Set(['a']) }]]);

  it('below the mark: applied again when of a replayed type, passed over otherwise', () => {
    expect(replayVerdict(marks, { topic: 't', partition: 0, offset: '9' }, 'a')).toBe('reapply');
    expect(replayVerdict(marks, { topic: 't', partition: 0, offset: '0' }, 'b')).toBe('skip');
  });

  it('from the mark on, or on another partition or topic: through the inbox', () => {
    expect(replayVerdict(marks, { topic: 't', partition: 0, offset: '10' }, 'a')).toBe('normal');
    expect(replayVerdict(marks, { topic: 't', partition: 1, offset: '3' }, 'a')).toBe('normal');
    expect(replayVerdict(marks, { topic: 'u', partition: 0, offset: '3' }, 'b')).toBe('normal');
    expect(replayVerdict(new Map(), { topic: 't', partition: 0, offset: '3' }, 'a')).toBe('normal');
  });
});

describe('moving a group back', () => {
  it('never moves it forward, nor a group that never consumed there', () => {
    expect(rewindTarget(100n, 0n)).toBe(0n);
    expect(rewindTarget(100n, 40n)).toBe(40n);
    expect(rewindTarget(100n, 250n)).toBe(100n);
    expect(rewindTarget(null, 0n)).toBeNull();
  });

  it('tells the operator per partition what moved', () => {
    expect(
      describeReplay([
        { topic: 't', partition: 0, consumedUpTo: '12', rewoundTo: '0' },
        { topic: 't', partition: 1, consumedUpTo: '5', rewoundTo: '5' },
        { topic: 'u', partition: 0, consumedUpTo: null, rewoundTo: null },
      ]),
    ).toEqual([
      't [0]: moved back from 12 to 0',
      't [1]: nothing to go back to (stays at 5)',
      'u [0]: never consumed by the group; it reads it from the start anyway',
    ]);
  });
});

describe('the replay command line', () => {
  it('reads the service, lists and an instant, in both --name value and --name=value forms', () => {
    expect(parseReplayArgs(['--service', 'aftersales', '--topics=a.v1, b.v1', '--types', 'a.x,b.y', '--since', '2026-12-01T00:00:00Z'])).toEqual({
      ok: true,
      args: { service: 'aftersales', topics: ['a.v1', 'b.v1'], types: ['a.x', 'b.y'], since: new Date('2026-12-01T00:00:00Z') },
    });
  });

  it('names every problem at once', () => {
    expect(parseReplayArgs(['--topics', '--types', 'x', '--since', 'yesterday', '--force'])).toEqual({
      ok: false,
      problems: [
        '--topics: needs a value',
        '--force: unknown (expected --service, --topics, --types, --since)',
        '--service: missing (the service whose consumer group replays, e.g. aftersales)',
        '--since: not a date and time (ISO 8601, e.g. 2026-12-01T00:00:00Z)',
      ],
    });
  });
});
