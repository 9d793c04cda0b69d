import { loadGenerator, otherProcesses } from './cpu.js';
import { table } from './report-format.js';
import { smtpSinkProcess } from './smtp-sink/process-name.js';
import type { ResourceUse } from './resources.js';

export interface OrderCpuWindow {
  /** Average cores per process tree from the first placeOrder until every consumer was quiet again. */
  use: ResourceUse;
  seconds: number;
  /** Emails the SMTP server accepted in the window (not counted with Mailpit). */
  emails?: number;
}

export interface OrderCpuRow {
  process: string;
  msPerOrder: number;
}

/**
 * CPU milliseconds per order, per process, over the whole of an order's life
 * on the platform (the request and every consumer's share), less what each
 * process spends idle over as long a window: which process an order's time
 * goes to, and the most orders per second the mix could sustain.
 */
export function orderCpuRows(window: OrderCpuWindow, orders: number, idle: ResourceUse | undefined): OrderCpuRow[] {
  if (orders === 0 || window.seconds <= 0) return [];
  return (
    Object.entries(window.use.cores)
      // A server that took no CPU at all in the window did not run in it (Hive Gateway outside its own workload).
      .filter(([process, cores]) => process !== otherProcesses && process !== loadGenerator && cores > 0)
      .map(([process, cores]) => ({
        process,
        msPerOrder: (Math.max(0, cores - (idle?.cores[process] ?? 0)) * window.seconds * 1000) / orders,
      }))
      .sort((a, b) => b.msPerOrder - a.msPerOrder)
  );
}

export function orderCpuSection(window: OrderCpuWindow, orders: number, idle: ResourceUse | undefined): string[] {
  const rows = orderCpuRows(window, orders, idle);
  if (rows.length === 0) return [];
  const total = rows.reduce((sum, r) => sum + r.msPerOrder, 0);
  return [
    '### What an order costs in CPU',
    '',
    `From the first placeOrder until every consumer was quiet again and no timer was due, its emails sent (${window.seconds.toFixed(1)} s, ${orders} orders): each process's CPU time per order, less what it spends idle over as long a window${
      idle ? '' : ' (no idle baseline in this run: nothing subtracted)'
    }. The load generator is left out. On ${'`'}n${'`'} cores, ${'`'}n x 1000 / total${'`'} is the most orders per second this mix could sustain.`,
    '',
    table(
      ['Process', 'CPU ms per order', 'Share'],
      [...rows.map((r) => [r.process, r.msPerOrder.toFixed(2), `${((100 * r.msPerOrder) / total).toFixed(0)}%`]), ['Total', total.toFixed(2), '100%']],
    ),
    '',
    ...(window.emails === undefined
      ? []
      : [
          `The SMTP server accepted ${window.emails} emails in the window (${(window.emails / orders).toFixed(2)} per order). Its row (\`${smtpSinkProcess}\`) is the mail provider's side, off the machine in production: it receives and counts, nothing more (bench/README.md, "The SMTP server").`,
          '',
        ]),
  ];
}
