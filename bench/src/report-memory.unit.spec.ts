import { describe, expect, it } from 'vitest';
import { idleMemorySection, isSubgraphProcess } from './report-memory.js';

describe('the idle memory table', () => {
  it('lists every server largest first, with its private part, the shared rest and the subgraph target', () => {
    const text = idleMemorySection({
      idleMemory: { catalog: 96.4, gateway: 210.2, orders: 137.6, 'orders-worker': 99.5 },
      idlePrivateMemory: { catalog: 41.4, gateway: 120, orders: 80.1, 'orders-worker': 44 },
    }).join('\n');
    const rows = text.split('\n').filter((line) => /^\| [a-z]/.test(line));
    expect(rows).toEqual([
      // The gateway is no subgraph: no target, and it does not fail one.
      '| gateway | 210 | 120 | 90 | - | - |',
      '| orders | 138 | 80 | 58 | <= 100 | no |',
      '| orders-worker | 100 | 44 | 56 | <= 100 | yes |',
      '| catalog | 96 | 41 | 55 | <= 100 | yes |',
    ]);
    expect(text).toContain('| Server | Resident (RSS) | Private (RssAnon) | Shared code pages (RSS - private) | Target (RSS) | Met |');
    expect(text).toContain('`npm start` runner');
  });

  it('shows a dash where the private part was not read, and nothing when the idle baseline did not run', () => {
    const text = idleMemorySection({ idleMemory: { payments: 120 } }).join('\n');
    expect(text).toContain('| payments | 120 | - | - | <= 100 | no |');
    expect(idleMemorySection({})).toEqual([]);
    expect(idleMemorySection({ idleMemory: {} })).toEqual([]);
  });

  it("knows a subgraph's server and its event worker from a gateway", () => {
    expect(['orders', 'orders-worker', 'accounts'].every(isSubgraphProcess)).toBe(true);
    expect(['gateway', 'hive-gateway', 'orders-api', ''].some(isSubgraphProcess)).toBe(false);
  });
});
