import { ms, outcomes, rate, table } from './report-format.js';
import type { FanOutResult } from './workloads/fan-out.js';

/** The report's section for (i), event fan-out to partners' webhooks (issue #13). */
export function fanOutSection(f: FanOutResult): string[] {
  const t = f.tally;
  const o = f.orders;
  const byType =
    Object.entries(t.producedByType)
      .map(([type, n]) => `\`${type}\` ${n}`)
      .join(', ') || 'none';
  const perSecond = (n: number, seconds: number) => (seconds > 0 ? (n / seconds).toFixed(1) : 'n/a');
  const demanded = f.loadSeconds > 0 ? t.expected / f.loadSeconds : Number.NaN;
  // Above what notifications delivers, a backlog builds up during the load and the delays are mostly time in it.
  const backlog =
    demanded > 1.2 * f.deliveredPerSecond
      ? [
          `**Above capacity:** the load asked for ${rate(demanded)} deliveries/s and notifications delivered ${rate(f.deliveredPerSecond)}/s, so a backlog built up: the delays below are mostly time spent in it. Lower \`BENCH_FANOUT_RATE\` to see the delay of a stack that keeps up.`,
          '',
        ]
      : [];
  return [
    `## (i) Event fan-out to partner webhooks: ${f.ok ? 'OK' : 'FAILED'}`,
    '',
    `${f.partners} partners, registered through the gateway (\`createPartner\`, as the bootstrap admin), each with its own receiver on loopback in the bench process (plain node:http; every request's signature verified with the \`standardwebhooks\` package and the partner's secret), subscribed to ${f.eventTypes.map((e) => `\`${e}\``).join(' and ')}. Seeded customers placed orders through the gateway at ${f.targetRate}/s (open loop, one unit of the ample-stock product each) for ${f.loadSeconds.toFixed(1)} s; catalog reserves the stock and orders confirms each order, staging both events in one transaction; notifications delivers each to every partner. The delay runs from the envelope's \`time\` (the store time orders staged the event at, just before its transaction commits) to the moment the receiver had the whole request; both clocks are this machine's. Expected deliveries are every subscribed event orders staged since the partners exist, times the partners.`,
    '',
    table(
      ['Orders sent', 'Acknowledged', 'placeOrder/s', 'placeOrder p50', 'placeOrder p99', 'Outcomes', 'Socket errors / timeouts'],
      [
        [
          o.responses + o.socketErrors + o.timeouts,
          f.acknowledgedOrders.length,
          rate(o.perSecond),
          ms(o.p50),
          ms(o.p99),
          outcomes(o),
          `${o.socketErrors} / ${o.timeouts}`,
        ],
      ],
    ),
    '',
    `Events produced: ${t.produced} (${byType}), ${perSecond(t.produced, f.loadSeconds)}/s over the load.`,
    '',
    table(
      [
        'Expected deliveries',
        'Received',
        'Missing',
        'Asked/s (events/s over the load x partners)',
        'Delivered/s (first order → last delivery)',
        'Last delivery after the load',
        'Duplicates',
        'Out of order',
        'Retried (notifications)',
      ],
      [
        [
          t.expected,
          t.received,
          t.missing,
          rate(demanded),
          rate(f.deliveredPerSecond),
          `${f.drainSeconds.toFixed(1)} s${f.drained ? '' : ' (gave up)'}`,
          t.duplicates,
          t.outOfOrder,
          f.retriedDeliveries,
        ],
      ],
    ),
    '',
    ...backlog,
    'Delays (ms):',
    '',
    table(
      ['From the event time to', 'Count', 'p50', 'p90', 'p99', 'max'],
      [
        ['the partner receiving it (each partner, each event)', t.delays.length, ms(t.p50), ms(t.p90), ms(t.p99), ms(t.max)],
        [
          "notifications staging its deliveries (each event; the bus and notifications' consumer)",
          f.staged.events,
          ms(f.staged.p50),
          '-',
          ms(f.staged.p99),
          ms(f.staged.max),
        ],
      ],
    ),
    '',
    `Duplicates are repeated (partner, event) receipts: at-least-once retries, allowed. Events of other orders that reached the partners (e.g. an earlier workload's): ${t.other}.`,
    '',
    table(
      ['Check', 'Result', 'Detail'],
      f.checks.map((c) => [c.name, c.ok ? 'OK' : 'MISMATCH', c.detail]),
    ),
    '',
  ];
}
