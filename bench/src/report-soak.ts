import { ms, outcomes, rate, table } from './report-format.js';
import { consumerTotal, outboxTotal, type SoakSample } from './soak-samples.js';
import { lineChartSvg } from './svg-chart.js';
import type { SoakResult } from './workloads/soak.js';

const minutes = (s: SoakSample) => s.at / 60;
const mib = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v.toFixed(0) : 'n/a');

/** The soak's chart: RSS per server over time, and the event backlog over time, the end of the load marked. */
export function soakChart(soak: SoakResult): string {
  const processes = [...new Set(soak.samples.flatMap((s) => Object.keys(s.rssMiB)))];
  return lineChartSvg({
    title: `Soak: ${soak.targetRate} purchases/s asked (checkout + deposit) for ${soak.plannedSeconds} s, read every ${soak.sampleSeconds} s`,
    xLabel: 'minutes since the load started',
    marker: { x: soak.loadSeconds / 60, label: 'load stopped' },
    panels: [
      {
        title: 'Resident memory per server (process tree)',
        yLabel: 'RSS (MiB)',
        series: processes.map((name) => ({ name, points: soak.samples.map((s) => ({ x: minutes(s), y: s.rssMiB[name] ?? Number.NaN })) })),
      },
      {
        title: 'Event backlog',
        yLabel: 'events',
        series: [
          { name: 'unsent in outboxes', points: soak.samples.map((s) => ({ x: minutes(s), y: outboxTotal(s.lag) })) },
          { name: 'past consumer positions', points: soak.samples.map((s) => ({ x: minutes(s), y: consumerTotal(s.lag) })) },
        ],
      },
    ],
  });
}

/** The report's soak section; `chartFile` is the chart's file name, next to the report. */
export function soakSection(soak: SoakResult, chartFile: string): string[] {
  const processes = [...new Set(soak.samples.flatMap((s) => Object.keys(s.rssMiB)))];
  const groups = [...new Set(soak.samples.flatMap((s) => Object.keys(s.lag.consumers ?? {})))];
  const duringLoad = soak.samples.filter((s) => s.underLoad);
  const maxOf = (values: number[]) => (values.length ? Math.max(...values) : Number.NaN);
  const lagNote = soak.consumerLagMeasured
    ? "The backlog is what the services have not applied yet: rows of each service's outbox not yet published, plus, per consumer group, messages on the embedded bus's log after the position the group committed (it commits after the inbox transaction of the batch). A group is seen on a topic from its first commit there."
    : "The backlog is the rows of each service's outbox not yet published. On Kafka the consumer groups' offsets live in the broker, out of the bench's sight: events published but not yet applied are not counted.";
  return [
    `## Soak: ${soak.ok ? 'OK' : 'FAILED'}`,
    '',
    `The seeded customers buy one unit each of a preorder sold under the deposit plan, as on drop day: \`checkout\`, \`order(id)\` every 500 ms while PENDING, then \`pay\` for the deposit with the sandbox card, all through the gateway. ${soak.targetRate} purchases started per second (open loop, at most ${soak.connections} in flight) for ${soak.plannedSeconds} s; every ${soak.sampleSeconds} s the bench read each server's resident memory (its process tree, from /proc: the gateway with its workers; PostgreSQL is not counted, its shared buffers would be counted once per backend) and the event backlog, with the purchases that ended in the interval. ${lagNote}`,
    '',
    ...(soak.started < soak.planned || soak.late > 0
      ? [
          `**Did not keep up:** ${soak.planned - soak.started} of ${soak.planned} purchases could not start within the ${soak.plannedSeconds} s and ${soak.late} started more than 1 s late (${soak.connections} already in flight): the stack served less than the ${soak.targetRate}/s asked. Memory and backlog are judged all the same; lower \`BENCH_SOAK_RATE\` to soak a stack that keeps up.`,
          '',
        ]
      : []),
    `![Soak: RSS per server and event backlog over time](${chartFile})`,
    '',
    table(
      [
        'Purchases planned',
        'Started',
        'Late (> 1 s behind schedule)',
        'Load',
        'SUCCEEDED/s',
        'Purchase p50',
        'Purchase p99',
        'Checkout p99',
        'Outcomes',
        'Requests',
        'Socket errors / timeouts',
      ],
      [
        [
          soak.planned,
          soak.started,
          soak.late,
          `${soak.loadSeconds.toFixed(0)} s`,
          soak.purchase.perSecond.toFixed(1),
          ms(soak.purchase.p50),
          ms(soak.purchase.p99),
          ms(soak.checkout.p99),
          outcomes(soak.purchase),
          soak.requests.sent,
          `${soak.requests.socketErrors} / ${soak.requests.timeouts}`,
        ],
      ],
    ),
    '',
    `Memory rule (soak-verdict.ts): over the second half of the load, a server fails when the least-squares slope of its RSS is above ${soak.maxGrowth} MiB/min (\`BENCH_SOAK_MAX_GROWTH\`) and the median of its last minute is above the median of that half's first minute by more than half of what that slope would add over the half. A half shorter than 2 minutes is too short to judge (INCONCLUSIVE, not a failure).`,
    '',
    table(
      ['Server', 'First minute of the half (MiB)', 'Last minute (MiB)', 'Slope (MiB/min)', 'Judged over', 'Verdict'],
      soak.memory.map((m) => [
        m.process,
        mib(m.firstMinute),
        mib(m.lastMinute),
        Number.isFinite(m.slope) ? m.slope.toFixed(2) : 'n/a',
        `${m.windowSeconds.toFixed(0)} s, ${m.points} reading${m.points === 1 ? '' : 's'}`,
        m.verdict,
      ]),
    ),
    '',
    `Backlog: at most ${rate(maxOf(duringLoad.map((s) => outboxTotal(s.lag))))} unsent outbox rows${soak.consumerLagMeasured ? ` and ${rate(maxOf(duringLoad.map((s) => consumerTotal(s.lag))))} messages past the consumers' positions` : ''} during the load; ${soak.drain.atLoadEnd} in all when it stopped; ${soak.drain.drained ? `0 (twice in a row) ${soak.drain.seconds.toFixed(1)} s later` : `**not back to 0** ${soak.drain.seconds.toFixed(1)} s later`}.`,
    '',
    ...(groups.length
      ? [
          table(
            ['Consumer group', 'Max during the load', 'At the last reading'],
            groups.map((g) => [
              g,
              rate(maxOf(duringLoad.map((s) => s.lag.consumers?.[g] ?? 0))),
              soak.samples[soak.samples.length - 1]?.lag.consumers?.[g] ?? 'n/a',
            ]),
          ),
          '',
        ]
      : []),
    "Readings (each interval's figures are the purchases that ended in it; `Outboxes` / `Consumers`: the backlog at the reading):",
    '',
    table(
      ['At (s)', 'Load', 'SUCCEEDED/s', 'Purchase p99', 'Checkout p99', 'Errors', 'Outboxes', 'Consumers', ...processes.map((p) => `${p} (MiB)`)],
      soak.samples.map((s) => [
        s.at.toFixed(0),
        s.underLoad ? 'on' : 'over',
        // The reading taken as the load starts closes no interval.
        s.seconds >= 1 && Number.isFinite(s.perSecond) ? s.perSecond.toFixed(1) : '-',
        ms(s.purchaseP99),
        ms(s.checkoutP99),
        s.errors
          ? `${s.errors} (${Object.entries(s.errorsByOutcome)
              .map(([l, n]) => `${l}: ${n}`)
              .join(', ')})`
          : 0,
        outboxTotal(s.lag),
        s.lag.consumers ? consumerTotal(s.lag) : 'n/a',
        ...processes.map((p) => mib(s.rssMiB[p])),
      ]),
    ),
    '',
    table(
      ['Check', 'Result', 'Detail'],
      soak.checks.map((c) => [c.name, c.ok ? 'OK' : 'FAIL', c.detail]),
    ),
    '',
  ];
}
