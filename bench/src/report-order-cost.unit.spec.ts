import { describe, expect, it } from 'vitest';
import { loadGenerator, otherProcesses } from './cpu.js';
import { orderCpuRows, orderCpuSection } from './report-order-cost.js';

describe("the report's CPU per order", () => {
  const window = {
    seconds: 20,
    use: { cores: { orders: 0.5, postgres: 0.8, catalog: 0.1, 'hive-gateway': 0, [loadGenerator]: 0.2, [otherProcesses]: 0.3 }, transactionsPerSecond: 900 },
  };
  const idle = { cores: { orders: 0.05, postgres: 0.05, catalog: 0.15 }, transactionsPerSecond: 80 };

  it("gives each process's CPU per order less its idle share, costliest first, without the bench, other processes and servers not running", () => {
    expect(orderCpuRows(window, 1000, idle)).toEqual([
      { process: 'postgres', msPerOrder: 15 },
      { process: 'orders', msPerOrder: 9 },
      // Busier idle than under load (a poll's timing): nothing, never a negative cost.
      { process: 'catalog', msPerOrder: 0 },
    ]);
  });

  it('subtracts nothing without an idle baseline, and says so', () => {
    expect(orderCpuRows(window, 1000, undefined).find((r) => r.process === 'orders')?.msPerOrder).toBe(10);
    expect(orderCpuSection(window, 1000, undefined).join('\n')).toContain('no idle baseline in this run');
  });

  it('totals the processes', () => {
    const text = orderCpuSection(window, 1000, idle).join('\n');
    expect(text).toContain('| postgres | 15.00 | 63% |');
    expect(text).toContain('| Total | 24.00 | 100% |');
  });

  it('gives the emails the SMTP server accepted per order when they were counted, and nothing when not (Mailpit)', () => {
    expect(orderCpuSection({ ...window, emails: 1500 }, 1000, idle).join('\n')).toContain(
      'The SMTP server accepted 1500 emails in the window (1.50 per order)',
    );
    expect(orderCpuSection(window, 1000, idle).join('\n')).not.toContain('The SMTP server accepted');
  });

  it('says nothing without orders', () => {
    expect(orderCpuSection(window, 0, idle)).toEqual([]);
  });
});
